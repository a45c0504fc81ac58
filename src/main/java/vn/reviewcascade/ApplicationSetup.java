package vn.reviewcascade;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link SetupStep} after all beans exist (so the engine is built and deployed) but before the web
 * server starts: no request can see a half-prepared application, such as a user whose groups are not yet there.
 */
@Component
class ApplicationSetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ApplicationSetup.class);

    private final List<SetupStep> steps;

    ApplicationSetup(List<SetupStep> steps) {
        this.steps = steps;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (SetupStep step : steps) {
            long started = System.nanoTime();
            step.run();
            // Each step's time, so a start that grows with the tree shows which step grew.
            log.info("Set-up step {}: {} ms", step.getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
