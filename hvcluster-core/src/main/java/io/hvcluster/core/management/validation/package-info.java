/**
 * Validate a Configuration, after the Windows Server 2008 wizard and the seed's best practices: every
 * {@link io.hvcluster.core.management.validation.ValidationRule} reported as PASS, WARN or FAIL items
 * with reasons. Rules are grouped by the wizard's categories (inventory, system configuration, storage,
 * network, cluster configuration), one class a category.
 *
 * <p>Entry point: {@link io.hvcluster.core.management.validation.ConfigurationValidator}.
 */
package io.hvcluster.core.management.validation;
