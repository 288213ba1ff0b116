package cn.hkmo.gateway.routing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamClientsTest {

    private Vertx vertx;
    private HttpServer upstream;
    private UpstreamClients clients;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        // Answers with the client's port: one port per connection the gateway opened.
        upstream = vertx.createHttpServer()
                .requestHandler(request -> request.response().end(Integer.toString(request.remoteAddress().port())))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        clients = new UpstreamClients(vertx, new HttpClientOptions().setMaxPoolSize(5));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_request_goes_on_a_connection_of_its_own_event_loop_and_keeps_it_alive() throws Exception {
        Context first = ((VertxInternal) vertx).createEventLoopContext();
        Context second = contextOnAnotherEventLoopThan(first);

        String port = connectionPortOf(first);
        assertThat(connectionPortOf(first)).as("the same loop reuses its connection").isEqualTo(port);
        assertThat(clients.size()).isEqualTo(1);

        // One shared client would hand the idle connection of the first loop to the second loop's request.
        assertThat(connectionPortOf(second)).as("another loop opens its own").isNotEqualTo(port);
        assertThat(clients.size()).isEqualTo(2);
        assertThat(connectionPortOf(first)).isEqualTo(port);
    }

    @Test
    void outside_an_event_loop_there_is_no_client_to_pick() {
        assertThatThrownBy(() -> clients.current()).isInstanceOf(IllegalStateException.class);
    }

    private String connectionPortOf(Context context) throws Exception {
        CompletableFuture<String> port = new CompletableFuture<>();
        context.runOnContext(v -> clients.current()
                .request(HttpMethod.GET, upstream.actualPort(), "127.0.0.1", "/")
                .compose(request -> request.send().compose(HttpClientResponse::body))
                .onSuccess(body -> port.complete(body.toString()))
                .onFailure(port::completeExceptionally));
        return port.get(10, TimeUnit.SECONDS);
    }

    private Context contextOnAnotherEventLoopThan(Context context) {
        // Vert.x gives new contexts its event loops in turn.
        for (int i = 0; i < 4; i++) {
            Context other = ((VertxInternal) vertx).createEventLoopContext();
            if (((ContextInternal) other).nettyEventLoop() != ((ContextInternal) context).nettyEventLoop()) {
                return other;
            }
        }
        throw new AssertionError("Vert.x gave every context the same event loop");
    }
}
