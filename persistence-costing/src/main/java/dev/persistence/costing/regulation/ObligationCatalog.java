package dev.persistence.costing.regulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The obligations thresholds bring and the revenue tiers some of them are limited to, as data: each item with its
 * provision, the date it applies, its sanction, its source and how it was checked.
 *
 * @param version the catalog's version
 * @param tiers the revenue tiers, ids unique
 * @param obligations the obligations, ids unique; a tier an obligation names may be missing from a user's
 *     catalog that is merged over the bundled one ({@link #withUserEntries}), and is checked when assessed
 *     ({@link #requireTiers()})
 */
public record ObligationCatalog(String version, List<RevenueTier> tiers, List<Obligation> obligations) {

  /** Validates the catalog. */
  public ObligationCatalog {
    checkArgument(version != null && !version.isBlank(), "version must not be blank");
    tiers = List.copyOf(tiers);
    obligations = List.copyOf(obligations);
    Set<String> tierIds = new HashSet<>();
    for (RevenueTier tier : tiers) {
      checkArgument(tierIds.add(tier.id()), "revenue tier id (%s) must be unique", tier.id());
    }
    Set<String> ids = new HashSet<>();
    for (Obligation o : obligations) {
      checkArgument(ids.add(o.id()), "obligation id (%s) must be unique", o.id());
    }
  }

  /**
   * This catalog, checked that every tier an obligation names is among its tiers.
   *
   * @throws IllegalArgumentException naming the obligation and the missing tier
   */
  public ObligationCatalog requireTiers() {
    Set<String> tierIds = new java.util.TreeSet<>();
    tiers.forEach(t -> tierIds.add(t.id()));
    for (Obligation o : obligations) {
      checkArgument(
          o.revenueTier().isEmpty() || tierIds.contains(o.revenueTier()),
          "obligation %s: revenueTier (%s) must be one of %s",
          o.id(),
          o.revenueTier(),
          tierIds);
    }
    return this;
  }

  /**
   * The tier with this id.
   *
   * @param id the tier's id
   */
  public Optional<RevenueTier> tier(String id) {
    return tiers.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /**
   * This catalog with a user's entries: an entry replaces the one with its id, in place; new ones are appended.
   *
   * @param user the user's catalog (its version is kept as {@code base+user})
   */
  public ObligationCatalog withUserEntries(ObligationCatalog user) {
    List<RevenueTier> t = new ArrayList<>(tiers);
    for (RevenueTier tier : user.tiers()) {
      replaceOrAdd(t, tier, tier.id(), RevenueTier::id);
    }
    List<Obligation> o = new ArrayList<>(obligations);
    for (Obligation obligation : user.obligations()) {
      replaceOrAdd(o, obligation, obligation.id(), Obligation::id);
    }
    return new ObligationCatalog(version + "+" + user.version(), t, o);
  }

  private static <E> void replaceOrAdd(List<E> list, E entry, String id, java.util.function.Function<E, String> key) {
    for (int i = 0; i < list.size(); i++) {
      if (key.apply(list.get(i)).equals(id)) {
        list.set(i, entry);
        return;
      }
    }
    list.add(entry);
  }

  /**
   * The obligations the given thresholds bring, in the thresholds' order (historical thresholds bring none).
   *
   * @param thresholds thresholds crossed ({@link ComputeThresholds#crossed(double)})
   */
  public List<Obligation> broughtBy(List<ComputeThreshold> thresholds) {
    List<Obligation> result = new ArrayList<>();
    for (ComputeThreshold threshold : thresholds) {
      if (threshold.status() == ThresholdStatus.HISTORICAL) {
        continue;
      }
      for (Obligation obligation : obligations) {
        if (obligation.thresholdId().equals(threshold.id())) {
          result.add(obligation);
        }
      }
    }
    return List.copyOf(result);
  }

  /**
   * The obligations the thresholds bring, each with its revenue tier checked against the developer's revenue.
   *
   * @param thresholds thresholds crossed
   * @param revenue the developer's revenue, empty when not given (tiered obligations are then {@link
   *     TierStatus#UNKNOWN})
   */
  public List<AssessedObligation> assess(List<ComputeThreshold> thresholds, Optional<DeveloperRevenue> revenue) {
    requireTiers();
    List<AssessedObligation> result = new ArrayList<>();
    for (Obligation o : broughtBy(thresholds)) {
      Optional<RevenueTier> tier = o.revenueTier().isEmpty() ? Optional.empty() : tier(o.revenueTier());
      result.add(new AssessedObligation(o, tier, tier.map(t -> t.status(revenue)).orElse(TierStatus.NONE)));
    }
    return List.copyOf(result);
  }
}
