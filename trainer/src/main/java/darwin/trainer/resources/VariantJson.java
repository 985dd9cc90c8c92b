package darwin.trainer.resources;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * How the JSON files of a variant ({@code variant.json}, {@code resources.json}) are read into their
 * records: a person or a model may have written them, so a field the record does not know is left
 * alone (as a newer darwin may write one), but a number or a flag where text belongs is refused
 * rather than turned into text.
 */
public final class VariantJson {

    private static final ObjectMapper JSON = textOnly(new ObjectMapper());

    private VariantJson() {}

    /** A reader of {@code type} with the rules above. */
    public static ObjectReader reader(Class<?> type) {
        return JSON.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static ObjectMapper textOnly(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
