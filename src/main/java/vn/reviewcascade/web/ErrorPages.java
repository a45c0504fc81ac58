package vn.reviewcascade.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside any controller — by the servlet container (a malformed address, a request too large) or by
 * Spring before a controller is found — reach users as the same Vietnamese JSON as {@link ApiErrors}, never as
 * Tomcat's English page.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

    /**
     * An encoded slash ({@code %2F}) in a path is passed through to the application, which answers it like any
     * unknown unit or campaign; other addresses Tomcat cannot read are answered by {@link VietnameseErrorValve}.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> vietnameseContainerErrors() {
        return factory -> {
            factory.addConnectorCustomizers(connector ->
                    connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(VietnameseErrorValve.class.getName());
                }
            });
        };
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ (địa chỉ hoặc nội dung không đọc được)";
            case 401 -> "Cần đăng nhập";
            case 403 -> "Bạn không có quyền truy cập địa chỉ này";
            case 404 -> "Không có địa chỉ này";
            case 405 -> "Địa chỉ này không nhận phương thức của yêu cầu";
            case 413 -> "Nội dung gửi lên quá lớn (tệp văn bản tối đa 10 MB)";
            case 414 -> "Địa chỉ quá dài";
            case 415 -> "Kiểu nội dung gửi lên không được nhận";
            case 431 -> "Phần đầu của yêu cầu quá lớn";
            default -> status >= 500 ? "Lỗi hệ thống; hãy thử lại sau hoặc báo quản trị viên" : "Yêu cầu không thực hiện được";
        };
    }

    /** The errors the container forwards to {@code /error}. */
    @RestController
    static class VietnameseErrorController implements ErrorController {

        @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<ApiErrors.ErrorBody> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer number ? number : 500;
            return ResponseEntity.status(HttpStatus.valueOf(status)).body(new ApiErrors.ErrorBody(message(status), List.of()));
        }
    }

    /** Answers what Tomcat refuses before any servlet runs (an address it cannot decode, say) with the same JSON. */
    public static class VietnameseErrorValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                // Refused before any filter ran, so without SecurityHeaders: the same headers as the API's errors.
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Content-Security-Policy", SecurityHeaders.NO_PAGE_POLICY);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"message\":\"" + message(status) + "\",\"errors\":[]}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client has gone; nothing to tell it.
            }
        }
    }
}
