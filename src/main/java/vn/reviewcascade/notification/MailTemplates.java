package vn.reviewcascade.notification;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mails from the Thymeleaf templates under {@code mail/}: for a kind {@code reminder},
 * {@code reminder.subject.txt}, {@code reminder.txt} and {@code reminder.html}.
 */
@Component
public class MailTemplates {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

    public RenderedMail render(String name, Map<String, Object> model) {
        Context context = new Context(VIETNAMESE, model);
        return new RenderedMail(text.process(name + ".subject", context).strip(), text.process(name, context),
                html.process(name, context));
    }

    /** A standalone HTML page (the report, when no written document was uploaded). */
    public String page(String name, Map<String, Object> model) {
        return html.process(name, new Context(VIETNAMESE, model));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
