package cn.hkmo.eligibility.hall;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An exit-entry hall: its region sets the office's remit; its code goes into the numbers it issues. */
@Entity
@Table(name = "hall")
public class Hall extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public String name;
}
