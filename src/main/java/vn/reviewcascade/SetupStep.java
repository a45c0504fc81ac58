package vn.reviewcascade;

/**
 * Work that must be done once the engine exists and before the application serves its first request:
 * groups, authorizations, filters, demo data. Steps run in their {@code @Order}.
 */
public interface SetupStep {

    void run();
}
