package cn.hkmo.appointment.hall;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HallSnapshotsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 15);

    private final HallSnapshots snapshots = new HallSnapshots();
    /** The halls the database would answer, with every load counted. */
    private final Database database = new Database();

    @Test
    void theSameRevisionIsServedFromMemory() {
        database.state = snapshot(Halls.chaoyang(), 3, Map.of());
        HallSnapshot first = snapshots.at("BJ-CHAOYANG", 3, database);
        HallSnapshot second = snapshots.at("BJ-CHAOYANG", 3, database);

        assertThat(second).isSameAs(first);
        assertThat(database.loads).containsExactly("BJ-CHAOYANG");
    }

    @Test
    void anotherRevisionReloadsAndReplacesTheSnapshot() {
        database.state = snapshot(Halls.chaoyang(), 3, Map.of());
        snapshots.at("BJ-CHAOYANG", 3, database);
        // another instance closed a day and bumped the revision in the same transaction
        database.state = snapshot(Halls.chaoyang(), 4, Map.of(DAY, "停电"));

        assertThat(snapshots.at("BJ-CHAOYANG", 4, database).closures()).containsEntry(DAY, "停电");
        assertThat(snapshots.at("BJ-CHAOYANG", 4, database).closures()).containsEntry(DAY, "停电");
        assertThat(database.loads).hasSize(2);
    }

    @Test
    void aPlanChangeIsSeenAtTheNextRevision() {
        database.state = snapshot(Halls.chaoyang(), 0, Map.of());
        assertThat(snapshots.at("BJ-CHAOYANG", 0, database).hall().plan().capacityPerWindow()).isEqualTo(10);
        database.state = snapshot(withCapacity(Halls.chaoyang(), 2), 1, Map.of());

        assertThat(snapshots.at("BJ-CHAOYANG", 1, database).hall().plan().capacityPerWindow()).isEqualTo(2);
    }

    @Test
    void aSlowLoadOfAnOlderRevisionDoesNotReplaceANewerSnapshot() {
        database.state = snapshot(Halls.chaoyang(), 5, Map.of(DAY, "停电"));
        snapshots.at("BJ-CHAOYANG", 5, database);
        // a reader that read revision 4 before the change loads after the newer snapshot was kept
        HallSnapshot older = snapshots.at("BJ-CHAOYANG", 4, id -> snapshot(Halls.chaoyang(), 4, Map.of()));

        assertThat(older.revision()).isEqualTo(4);
        assertThat(snapshots.at("BJ-CHAOYANG", 5, database).closures()).containsKey(DAY);
        assertThat(database.loads).hasSize(1);
    }

    @Test
    void hallsAreKeptApart() {
        database.state = snapshot(Halls.chaoyang(), 7, Map.of(DAY, "停电"));
        snapshots.at("BJ-CHAOYANG", 7, database);
        database.state = snapshot(Halls.renewalsOnly(), 7, Map.of());

        HallSnapshot kiosk = snapshots.at("SZ-KIOSK", 7, database);
        assertThat(kiosk.hall().id()).isEqualTo("SZ-KIOSK");
        assertThat(kiosk.closures()).isEmpty();
        assertThat(database.loads).containsExactly("BJ-CHAOYANG", "SZ-KIOSK");
    }

    @Test
    void aFailedLoadKeepsNothing() {
        Function<String, HallSnapshot> missing = id -> {
            throw new ProblemException(AppointmentError.HALL_NOT_FOUND, id);
        };
        assertThatThrownBy(() -> snapshots.at("XX-NOWHERE", 0, missing))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(AppointmentError.HALL_NOT_FOUND));

        database.state = snapshot(Halls.chaoyang(), 0, Map.of());
        snapshots.at("XX-NOWHERE", 0, database);
        assertThat(database.loads).containsExactly("XX-NOWHERE");
    }

    @Test
    void theClosuresCannotBeChangedThroughTheSnapshot() {
        HashMap<LocalDate, String> closures = new HashMap<>(Map.of(DAY, "停电"));
        HallSnapshot snapshot = snapshot(Halls.chaoyang(), 1, closures);
        closures.clear();

        assertThat(snapshot.closures()).containsEntry(DAY, "停电");
    }

    private static HallSnapshot snapshot(Hall hall, long revision, Map<LocalDate, String> closures) {
        return new HallSnapshot(hall, revision, closures);
    }

    private static Hall withCapacity(Hall hall, int capacity) {
        OpeningPlan p = hall.plan();
        return new Hall(hall.id(), hall.name(), hall.region(), hall.address(), hall.location(), hall.phone(),
                new OpeningPlan(p.weekdays(), p.opens(), p.closes(), p.lunchStart(), p.lunchEnd(), p.windowLength(), capacity),
                hall.categories(), hall.endorsementTypes(), hall.cutOff());
    }

    private static final class Database implements Function<String, HallSnapshot> {
        HallSnapshot state;
        final List<String> loads = new ArrayList<>();

        @Override
        public HallSnapshot apply(String hallId) {
            loads.add(hallId);
            return state;
        }
    }
}
