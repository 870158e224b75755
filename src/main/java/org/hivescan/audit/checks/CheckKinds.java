package org.hivescan.audit.checks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hivescan.audit.model.CheckSpec;
import org.hivescan.audit.model.RuleFileException;
import org.hivescan.audit.model.RuleSet;
import org.hivescan.audit.model.RuleSpec;

/** The check kinds by name, and the validation of a rule set against them. */
public final class CheckKinds {
    private final Map<String, CheckKind> kinds = new LinkedHashMap<>();

    public CheckKinds() {
        ValueCheck generic = new ValueCheck();
        for (String k : ValueCheck.KINDS) {
            kinds.put(k, generic);
        }
        kinds.put("any_of", new CompositeCheck(true));
        kinds.put("all_of", new CompositeCheck(false));
        kinds.put("schannel_protocol", new SchannelCheck());
        kinds.put("winhttp_protocols", new WinHttpCheck());
        kinds.put("cipher_overlap", new CipherCheck());
        kinds.put("os_build", new OsCheck());
    }

    public CheckKind get(String name) {
        CheckKind k = kinds.get(name);
        if (k == null) {
            throw new RuleFileException("unknown check kind '" + name + "' (known: " + names() + ")");
        }
        return k;
    }

    public Set<String> names() {
        return kinds.keySet();
    }

    /** Refuses unknown kinds and modes anywhere in the rule set, so errors surface before any hive is read. */
    public void validate(RuleSet set) {
        for (RuleSpec r : set.rules()) {
            try {
                validate(r.check());
            } catch (RuleFileException e) {
                throw new RuleFileException("rule " + r.id() + ": " + e.getMessage(), e);
            }
        }
    }

    private void validate(CheckSpec spec) {
        if (spec == null || spec.kind() == null) {
            throw new RuleFileException("a check has no kind");
        }
        CheckKind k = get(spec.kind());
        if (!k.modes().isEmpty() && !k.modes().contains(spec.mode())) {
            throw new RuleFileException("check kind " + spec.kind() + " needs a mode among " + k.modes()
                    + ", found " + spec.mode());
        }
        if (k instanceof ValueCheck v) {
            v.validate(spec);
        }
        if (spec.appliesIf() != null) {
            validate(spec.appliesIf());
        }
        for (CheckSpec c : spec.checks()) {
            validate(c);
        }
    }
}
