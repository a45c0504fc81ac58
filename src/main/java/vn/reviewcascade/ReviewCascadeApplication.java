package vn.reviewcascade;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReviewCascadeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewCascadeApplication.class, args);
    }
}
