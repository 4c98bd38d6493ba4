package dev.persistence.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Products of edge cases, capped at {@link Gen#EDGE_CASE_LIMIT}. */
final class Combinations {

  private Combinations() {}

  /**
   * The combinations of the components' edge cases, the last component varying fastest; a component without
   * edge cases contributes one value generated from a fixed seed.
   */
  static <T> List<Shrinkable<List<T>>> edgeProducts(List<Gen<? extends T>> components) {
    List<List<Shrinkable<T>>> choices = new ArrayList<>();
    for (Gen<? extends T> component : components) {
      List<Shrinkable<T>> edges = new ArrayList<>();
      for (Shrinkable<? extends T> edge : component.edgeCases()) {
        edges.add(upcast(edge));
      }
      if (edges.isEmpty()) {
        edges.add(upcast(component.generate(new SplittableRandom(0))));
      }
      choices.add(edges);
    }
    List<Shrinkable<List<T>>> products = new ArrayList<>();
    int[] indices = new int[choices.size()];
    while (products.size() < Gen.EDGE_CASE_LIMIT) {
      List<Shrinkable<T>> values = new ArrayList<>(choices.size());
      for (int position = 0; position < choices.size(); position++) {
        values.add(choices.get(position).get(indices[position]));
      }
      products.add(Shrinkable.combine(values));
      int position = choices.size() - 1;
      while (position >= 0 && ++indices[position] == choices.get(position).size()) {
        indices[position] = 0;
        position--;
      }
      if (position < 0) {
        break;
      }
    }
    return products;
  }

  private static <T> Shrinkable<T> upcast(Shrinkable<? extends T> tree) {
    return tree.map(value -> (T) value);
  }
}
