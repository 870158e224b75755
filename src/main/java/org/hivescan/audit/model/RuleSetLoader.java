package org.hivescan.audit.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the built-in rules.yaml from the jar and merges a site file into it: a rule or stack with a known id is
 * merged field by field (nested maps merge, lists are replaced), a new id is appended, and top-level maps such as
 * tables and references merge the same way. JSON is YAML, so a site may write either.
 */
public final class RuleSetLoader {
    /** The built-in rule file, inside the jar. */
    public static final String BUILT_IN = "/org/hivescan/audit/rules.yaml";
    private static final int SUPPORTED_SCHEMA = 1;
    private static volatile RuleSet builtIn;

    private RuleSetLoader() {
    }

    /** The built-in rules, parsed once per JVM. */
    public static RuleSet builtIn() {
        RuleSet cached = builtIn;
        if (cached == null) {
            cached = bind(builtInTree(), Map.of());
            builtIn = cached;
        }
        return cached;
    }

    /** The built-in rules with a site file merged in; {@code site} null means the built-in rules alone. */
    public static RuleSet load(Path site) {
        if (site == null) {
            return builtIn();
        }
        Map<String, Object> base = builtInTree();
        Map<String, Object> extra = readSite(site);
        Map<String, String> origins = new LinkedHashMap<>();
        String label = "site file " + site.getFileName();
        mergeById(base, extra, "rules", origins, label);
        mergeById(base, extra, "stacks", new LinkedHashMap<>(), label);
        extra.remove("rules");
        extra.remove("stacks");
        YamlTree.deepMerge(base, extra);
        return bind(base, origins);
    }

    private static Map<String, Object> builtInTree() {
        try (InputStream in = RuleSetLoader.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new RuleFileException("built-in rule file " + BUILT_IN + " is missing from the jar");
            }
            return YamlTree.read(in.readAllBytes(), BUILT_IN);
        } catch (IOException e) {
            throw new RuleFileException("cannot read built-in rules: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> readSite(Path site) {
        try {
            return YamlTree.read(Files.readAllBytes(site), site.toString());
        } catch (IOException e) {
            throw new RuleFileException("cannot read rule file " + site + ": " + e.getMessage(), e);
        }
    }

    /** Merges the list {@code field} of {@code extra} into {@code base} by each element's id. */
    @SuppressWarnings("unchecked")
    private static void mergeById(Map<String, Object> base, Map<String, Object> extra, String field,
            Map<String, String> origins, String label) {
        Object add = extra.get(field);
        if (add == null) {
            return;
        }
        if (!(add instanceof List<?> items)) {
            throw new RuleFileException(label + ": '" + field + "' must be a list");
        }
        List<Object> target = new ArrayList<>((List<Object>) base.getOrDefault(field, List.of()));
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m) || !(m.get("id") instanceof String id) || id.isBlank()) {
                throw new RuleFileException(label + ": every entry of '" + field + "' needs an id");
            }
            Map<String, Object> existing = findById(target, id);
            if (existing == null) {
                target.add(item);
            } else {
                YamlTree.deepMerge(existing, (Map<String, Object>) item);
            }
            origins.put(id, label);
        }
        base.put(field, target);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> findById(List<Object> list, String id) {
        for (Object n : list) {
            if (n instanceof Map<?, ?> m && id.equals(m.get("id"))) {
                return (Map<String, Object>) m;
            }
        }
        return null;
    }

    private static RuleSet bind(Map<String, Object> tree, Map<String, String> origins) {
        Map<String, Object> withOrigins = new LinkedHashMap<>(tree);
        withOrigins.put("origins", new LinkedHashMap<>(origins));
        RuleSet set = RecordBinder.bind(withOrigins, RuleSet.class);
        validate(set);
        return set;
    }

    private static void validate(RuleSet set) {
        if (set.schemaVersion() != SUPPORTED_SCHEMA) {
            throw new RuleFileException("rule file schema_version " + set.schemaVersion()
                    + " is not supported (expected " + SUPPORTED_SCHEMA + ")");
        }
        require(set.rules() != null && set.tables() != null && set.stacks() != null,
                "rules, stacks and tables are required");
        List<String> ids = new ArrayList<>();
        for (RuleSpec r : set.rules()) {
            require(r.id() != null && !r.id().isBlank(), "a rule has no id");
            require(!ids.contains(r.id()), "rule id " + r.id() + " appears twice");
            ids.add(r.id());
            require(r.title() != null, "rule " + r.id() + " has no title");
            require(r.severity() != null, "rule " + r.id() + " has no severity");
            require(r.check() != null && r.check().kind() != null, "rule " + r.id() + " has no check kind");
        }
        List<String> stackIds = set.stacks().stream().map(StackSpec::id).toList();
        for (RuleSpec r : set.rules()) {
            for (String stack : r.stacks()) {
                require(stackIds.contains(stack), "rule " + r.id() + " joins unknown stack " + stack
                        + " (known: " + String.join(", ", stackIds) + ")");
            }
        }
        for (StackSpec s : set.stacks()) {
            for (String id : s.rules()) {
                require(ids.contains(id), "stack " + s.id() + " names unknown rule " + id);
            }
            for (String id : s.prerequisites()) {
                require(ids.contains(id), "stack " + s.id() + " names unknown prerequisite " + id);
            }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new RuleFileException("rule file: " + message);
        }
    }
}
