package vn.reviewcascade.approval;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tasks of the approvals, as their forms in Tasklist use them: what a task's form shows, and completing it
 * with what the user entered. The engine decides who may see and work which task.
 */
@RestController
@RequestMapping("/api/tasks/{taskId}")
class TaskController {

    private final TaskWork work;

    TaskController(TaskWork work) {
        this.work = work;
    }

    @GetMapping
    TaskForm form(@PathVariable String taskId) {
        return work.form(taskId);
    }

    /** Draft: {"version": 3, "sections": {…}, "figures": {…}}; review and sign-off: {"approved": …, "comment": …}. */
    @PostMapping("/complete")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody(required = false) TaskCompletion body) {
        work.complete(taskId, body == null ? TaskCompletion.none() : body);
        return ResponseEntity.noContent().build();
    }
}
