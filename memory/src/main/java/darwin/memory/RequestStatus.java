package darwin.memory;

/** Where an upgrade request stands: {@code PENDING → APPROVED → APPLIED}, or {@code DENIED}. */
public enum RequestStatus {
    /** Asked for; nobody has decided. */
    PENDING,
    /** A person approved it; it takes effect at the start of the next generation. */
    APPROVED,
    /** In effect since a generation. */
    APPLIED,
    /** A person denied it. */
    DENIED,
    /** Approved, but it could not be applied; the reason is in its application note. */
    FAILED
}
