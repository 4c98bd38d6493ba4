package dev.persistence.costing.landscape;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A catalog of notable models to place a plan against: the bundled one is Epoch AI's "Data on AI Models" (CC BY
 * 4.0), read by persistence-io, whose licence asks that {@link #attribution()} be shown wherever the data is.
 *
 * @param version the catalog's version ({@code base+user} once merged)
 * @param attribution the line to show with the data (Epoch's for the bundled catalog; may be empty for a user's)
 * @param sourceSha256 the SHA-256 of the file the catalog was generated from, when recorded
 * @param models the models, names unique ignoring case
 */
public record ModelCatalog(String version, String attribution, Optional<String> sourceSha256, List<NotableModel> models) {

  /** Validates the catalog. */
  public ModelCatalog {
    checkArgument(version != null && !version.isBlank(), "version must not be blank");
    checkArgument(attribution != null && sourceSha256 != null, "attribution and sourceSha256 must not be null");
    models = List.copyOf(models);
    for (int i = 0; i < models.size(); i++) {
      for (int j = 0; j < i; j++) {
        checkArgument(
            !models.get(j).isNamed(models.get(i).name()),
            "model name (%s) must be unique in the catalog",
            models.get(i).name());
      }
    }
  }

  /**
   * This catalog with {@code user}'s models: a user model replaces the model of the same name (ignoring case) in
   * place; the rest are appended. The attribution keeps this catalog's (Epoch's figures are still shown) and adds
   * the user's when it differs.
   *
   * @param user the user's catalog
   */
  public ModelCatalog withUserEntries(ModelCatalog user) {
    List<NotableModel> merged = new ArrayList<>(models);
    for (NotableModel addition : user.models()) {
      int replaced = -1;
      for (int i = 0; i < merged.size() && replaced < 0; i++) {
        if (merged.get(i).isNamed(addition.name())) {
          replaced = i;
        }
      }
      if (replaced >= 0) {
        merged.set(replaced, addition);
      } else {
        merged.add(addition);
      }
    }
    String mergedAttribution =
        user.attribution().isBlank() || user.attribution().equals(attribution)
            ? attribution
            : attribution + " " + user.attribution();
    return new ModelCatalog(version + "+" + user.version(), mergedAttribution, sourceSha256, merged);
  }

  /**
   * This catalog with {@code additions} merged as {@link #withUserEntries} merges a user's file (a scenario's
   * {@code positioning.models}).
   *
   * @param additions the models to add or replace by name
   * @param label how the merged version names them
   */
  public ModelCatalog withModels(List<NotableModel> additions, String label) {
    return withUserEntries(new ModelCatalog(label, "", Optional.empty(), additions));
  }

  /** The model with this name, ignoring case. */
  public Optional<NotableModel> find(String name) {
    return models.stream().filter(model -> model.isNamed(name)).findFirst();
  }
}
