package darwin.trainer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The curve's lines keep the form that run directories written before hold. */
class CurveLogTest {

    @Test
    void aCurveLineIsWhatJacksonWroteBefore() {
        assertEquals("{\"step\":3,\"loss\":2.5,\"lr\":1.0E-4,\"tokens\":768,\"elapsed\":0.123}",
                CurveLog.toJson(new CurvePoint(3, 2.5, 1e-4, 768, 0.12345)));
    }

    @Test
    void aNonFiniteLossIsAString() {
        assertEquals("{\"step\":4,\"loss\":\"NaN\",\"lr\":\"Infinity\",\"tokens\":1024,\"elapsed\":1.0}",
                CurveLog.toJson(new CurvePoint(4, Double.NaN, Double.POSITIVE_INFINITY, 1024, 1.0)));
    }
}
