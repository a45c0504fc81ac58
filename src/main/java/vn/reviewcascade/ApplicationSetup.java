package vn.reviewcascade;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link SetupStep} after all beans exist (so the engine is built and deployed) but before the web
 * server starts: no request can see a half-prepared application, such as a user whose groups are not yet there.
 */
@Component
class ApplicationSetup implements SmartInitializingSingleton {

    private final List<SetupStep> steps;

    ApplicationSetup(List<SetupStep> steps) {
        this.steps = steps;
    }

    @Override
    public void afterSingletonsInstantiated() {
        steps.forEach(SetupStep::run);
    }
}
