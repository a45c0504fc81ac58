package vn.reviewcascade.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The packaged jar leaves out the demo's SMTP server (GreenMail is a test tool, an optional dependency): the demo
 * profile started from the jar stops at once saying how to run it, rather than on a missing class.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnMissingClass(DemoMailServer.GREENMAIL)
class DemoWithoutMailServer {

    DemoWithoutMailServer() {
        throw new IllegalStateException("The demo profile needs its own mail server, which the packaged jar does not "
                + "carry: run the demo with 'mvn spring-boot:run -Dspring-boot.run.profiles=demo'");
    }
}
