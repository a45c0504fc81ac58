package vn.reviewcascade.campaign;

import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds plan deadlines written as ISO days of the year ("--09-30") in application.yaml. */
@Component
@ConfigurationPropertiesBinding
class MonthDayConverter implements Converter<String, MonthDay> {

    @Override
    public MonthDay convert(String source) {
        return MonthDay.parse(source.trim());
    }
}
