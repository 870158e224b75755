package org.hivescan.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.hivescan.recovery.Hives;
import org.hivescan.recovery.LoadedHive;
import org.junit.jupiter.api.Test;

/** The library's public surface speaks in its own types: no format-layer structure leaks through it. */
class PublicApiTest {

    @Test
    void noPublicMethodOfTheApiTakesOrReturnsAFormatType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> api : List.of(Hive.class, Key.class, Value.class, HiveHeader.class, Hives.class,
                LoadedHive.class)) {
            for (Method m : api.getMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                    continue;
                }
                List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                types.add(m.getGenericReturnType());
                for (Type t : types) {
                    if (t.getTypeName().contains("org.hivescan.format.")) {
                        leaks.add(api.getSimpleName() + "." + m.getName() + ": " + t.getTypeName());
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
