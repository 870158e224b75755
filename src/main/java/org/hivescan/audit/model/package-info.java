/**
 * The rule file as data: records bound from {@code rules.yaml} (and a site's {@code --rules} file) by
 * {@link org.hivescan.audit.model.RuleSetLoader}. Unknown fields are refused, so a typo in a site rule is an
 * error rather than a silently ignored setting. Numbers that are often written in hex (bits, masks) are kept as
 * text and read with {@link org.hivescan.audit.model.Numbers}.
 */
package org.hivescan.audit.model;
