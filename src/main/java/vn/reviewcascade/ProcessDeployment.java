package vn.reviewcascade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN files of {@code processes/} under their bare file names ("unitReview.bpmn"), whether the
 * application runs from a jar or from {@code target/classes} (the README's {@code mvn spring-boot:run}): the engine's
 * own auto-deployment names a file-system resource by its absolute path, so the two ways of running would deploy
 * different resources. Duplicate filtering deploys again only what changed. Runs first of the set-up steps, before
 * anything starts a process.
 */
@Component
@Order(0)
class ProcessDeployment implements SetupStep {

    static final String NAME = "review-cascade";
    static final String PATTERN = "classpath*:processes/*.bpmn";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);

    private final RepositoryService repositoryService;

    ProcessDeployment(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void run() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(PATTERN);
            DeploymentBuilder deployment = repositoryService.createDeployment().name(NAME).source(NAME)
                    .enableDuplicateFiltering(true);
            for (Resource resource : resources) {
                try (InputStream content = resource.getInputStream()) {
                    deployment.addInputStream(resource.getFilename(), content);
                }
            }
            var deployed = deployment.deployWithResult();
            log.info("Processes: {} files checked, {} definitions deployed", resources.length,
                    deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the process models", e);
        }
    }
}
