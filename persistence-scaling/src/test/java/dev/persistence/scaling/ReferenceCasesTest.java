package dev.persistence.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.allocation.AllocationProblem;
import dev.persistence.scaling.fit.BootstrapResult;
import dev.persistence.scaling.fit.ChinchillaFitter;
import dev.persistence.scaling.fit.Observation;
import dev.persistence.scaling.fit.ParametricFit;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.ComputeUnits;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.DeepSeekLaw;
import dev.persistence.scaling.law.EmbeddingParameterRelation;
import dev.persistence.scaling.law.FineGrainedMoeLaw;
import dev.persistence.scaling.law.FrontierExponents;
import dev.persistence.scaling.law.ImmutableChinchillaLaw;
import dev.persistence.scaling.law.KaplanComputeEfficient;
import dev.persistence.scaling.law.KaplanLaw;
import dev.persistence.scaling.law.PowerLawAllocation;
import dev.persistence.scaling.law.PrecisionScalingLaw;
import dev.persistence.scaling.law.RoutedMoeLaw;
import dev.persistence.scaling.law.TokensPerParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One dynamic test per case of reference/scaling/scaling-cases.json whose kind belongs to scaling. Each
 * case names its primary source in the file (the {@code source} field, repeated in the test's display name);
 * expected values and tolerances are read from the file, never computed by this library. Kinds that belong to the
 * core FLOP and parameter accounting are skipped here ({@link #CORE_KINDS}).
 */
class ReferenceCasesTest {
  static final Set<String> CORE_KINDS = Set.of(
      "kaplan_nonembedding_params", "kaplan_flops_per_token", "chinchilla_flops_ratio", "formula_record",
      "model_configs");

  /** The Approach 3 fit of Epoch's data, shared by the cases that need it (about a second). */
  private static ParametricFit epochFit;

  static synchronized ParametricFit epochFit() {
    if (epochFit == null) {
      epochFit = ChinchillaFitter.paperGrid().fit(Reference.epochObservations());
    }
    return epochFit;
  }

  @TestFactory
  Stream<DynamicTest> everyScalingCase() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : Reference.cases()) {
      String kind = c.get("kind").asText();
      if (CORE_KINDS.contains(kind)) {
        continue;
      }
      String name = c.get("id").asText() + " [" + c.get("status").asText() + "] " + c.get("source").asText();
      tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
    }
    assertEquals(43, tests.size(), "49 cases minus the 6 of the 5 core-accounting kinds");
    return tests.stream();
  }

  private static void check(JsonNode c) {
    String id = c.get("id").asText();
    JsonNode in = c.get("inputs");
    JsonNode ex = c.get("expected");
    JsonNode tol = c.get("tolerance");
    switch (c.get("kind").asText()) {
      case "constants" -> constants(id, ex);
      case "kaplan_loss_N" -> rel(ex.get("loss_nats"),
          KaplanLaw.builder()
              .name("t")
              .description("")
              .source("")
              .alphaN(in.get("alpha_N").asDouble())
              .criticalParameters(in.get("N_c").asDouble())
              .alphaD(1)
              .criticalTokens(1)
              .build()
              .lossFromParameters(in.get("N_nonembedding").asDouble()), tol.get("rel"));
      case "kaplan_loss_D" -> {
        assertEquals(KaplanLaw.TABLE_5.criticalTokens(), in.get("D_c").asDouble());
        assertEquals(KaplanLaw.TABLE_5.alphaD(), in.get("alpha_D").asDouble());
        rel(ex.get("loss_nats"), KaplanLaw.TABLE_5.lossFromTokens(in.get("D_tokens").asDouble()), tol.get("rel"));
      }
      case "kaplan_loss_ND" -> {
        double n = in.get("N").asDouble();
        double d = in.get("D").asDouble();
        rel(ex.get("loss_table2_constants"), KaplanLaw.TABLE_2.loss(n, d), tol.get("rel"));
        rel(ex.get("loss_table5_constants"), KaplanLaw.TABLE_5.loss(n, d), tol.get("rel"));
      }
      case "kaplan_loss_Cmin" -> {
        assertEquals(KaplanComputeEfficient.CRITICAL_MINIMUM_COMPUTE_PETAFLOP_DAYS, in.get("Cmin_c").asDouble());
        assertEquals(KaplanComputeEfficient.MINIMUM_COMPUTE_EXPONENT, in.get("alpha").asDouble());
        rel(ex.get("loss_nats"),
            KaplanComputeEfficient.lossFromMinimumCompute(in.get("C_min_pfdays").asDouble()), tol.get("rel"));
      }
      case "kaplan_optimal_N" -> {
        if (in.has("C_min_pfdays")) {
          rel(ex.get("N_opt"), KaplanComputeEfficient.optimalParameters(in.get("C_min_pfdays").asDouble()),
              tol.get("rel"));
        } else {
          // Hoffmann et al. App. D.4 prints 4.68B, read with C = 2 C_min.
          double n = KaplanComputeEfficient.optimalParametersForTrainingFlops(in.get("C_flops").asDouble());
          rel(ex.get("N_opt"), n, tol.get("rel"));
          rel(ex.get("derived"), n, 1e-9);
        }
      }
      case "kaplan_data_requirement" -> rel(ex.get("D_min_tokens"),
          KaplanComputeEfficient.tokensToAvoidOverfitting(in.get("N").asDouble()), tol.get("rel"));
      case "kaplan_exponent_identity" -> {
        // Known discrepancy: the identity of eq. (1.8)/(B.7) gives 0.0520 with Table 5's exponents while the paper
        // prints 0.054 (6.4) and 0.052 (B.7); both printed values are within the case's 0.003.
        double identity = KaplanComputeEfficient.minimumComputeExponent(
            in.get("alpha_S").asDouble(), in.get("alpha_B").asDouble(), in.get("alpha_N").asDouble());
        rel(ex.get("alpha_Cmin"), identity, 1e-12);
        double abs = tol.get("abs").asDouble();
        assertEquals(ex.get("paper_eq6_4").asDouble(), identity, abs);
        assertEquals(ex.get("paper_eqB_7").asDouble(), identity, abs);
      }
      case "chinchilla_loss" -> {
        double n = in.get("N").asDouble();
        double d = in.get("D").asDouble();
        rel(ex.get("loss_rounded"), ChinchillaLaw.HOFFMANN_2022.loss(n, d), tol.get("rel"));
        rel(ex.get("loss_unrounded"), ChinchillaLaw.HOFFMANN_2022_UNROUNDED.loss(n, d), tol.get("rel"));
      }
      case "chinchilla_compute_optimal" -> computeOptimal(id, in, ex, tol);
      case "chinchilla_exponents" -> {
        for (FrontierExponents f : FrontierExponents.values()) {
          JsonNode row = ex.get(f.name().toLowerCase(java.util.Locale.ROOT).replace("_", ""));
          assertEquals(row.get("a").asDouble(), f.parameterExponent(), 0.0, f.name());
          assertEquals(row.get("b").asDouble(), f.tokenExponent(), 0.0, f.name());
          if (row.has("a_ci")) {
            assertEquals(row.get("a_ci").get(0).asDouble(), f.parameterExponentLower(), 0.0);
            assertEquals(row.get("a_ci").get(1).asDouble(), f.parameterExponentUpper(), 0.0);
            assertEquals(row.get("b_ci").get(0).asDouble(), f.tokenExponentLower(), 0.0);
            assertEquals(row.get("b_ci").get(1).asDouble(), f.tokenExponentUpper(), 0.0);
          }
        }
        // Table 2's Approach 3 a = 0.46 is beta/(alpha+beta) of the unrounded constants (0.4565), printed to two
        // places; the rounded constants give 0.4516, which prints as 0.45.
        assertEquals(0.46, ChinchillaLaw.HOFFMANN_2022_UNROUNDED.frontierParameterExponent(), 0.005);
        assertEquals(0.54, ChinchillaLaw.HOFFMANN_2022_UNROUNDED.frontierTokenExponent(), 0.005);
        assertEquals(0.45, ChinchillaLaw.HOFFMANN_2022.frontierParameterExponent(), 0.005);
        assertEquals(KaplanComputeEfficient.OPTIMAL_PARAMETERS_EXPONENT, ex.get("kaplan").get("a").asDouble());
        assertEquals(KaplanComputeEfficient.OPTIMAL_TOKENS_EXPONENT, ex.get("kaplan").get("b").asDouble());
      }
      case "chinchilla_table3" -> {
        // Approach 1 projections are not produced by a parametric law; check the 6ND rule and the tokens/param
        // range the paper's rule of thumb rests on.
        JsonNode checks = ex.get("checks");
        for (JsonNode row : ex.get("rows")) {
          double n = row.get("N").asDouble();
          double d = row.get("tokens").asDouble();
          double tolerance = n == 67e9 ? checks.get("flops_equals_6ND_rel_67B_row").asDouble()
              : checks.get("flops_equals_6ND_rel").asDouble();
          rel(row.get("flops"), ComputeUnits.trainingFlops(n, d), tolerance);
          assertTrue(d / n >= checks.get("tokens_per_param_range").get(0).asDouble() - 1e-9);
          assertTrue(d / n <= checks.get("tokens_per_param_range").get(1).asDouble() + 1e-9);
        }
      }
      case "chinchilla_tableA3" -> tableA3(id, ex, tol);
      case "rule_of_thumb" -> {
        double n = in.get("N").asDouble();
        double d = in.get("D").asDouble();
        rel(ex.get("tokens_per_param"), TokensPerParameter.CHINCHILLA.ratio(), tol.get("rel"));
        rel(ex.get("tokens_per_param"), d / n, tol.get("rel"));
        rel(ex.get("flops_6ND"), ComputeUnits.trainingFlops(n, d), tol.get("rel"));
        rel(in.get("D"), TokensPerParameter.CHINCHILLA.tokensForParameters(n), tol.get("rel"));
      }
      case "dataset" -> {
        List<String[]> rows = Reference.csv("epoch-chinchilla-svg-extracted.csv");
        assertEquals(ex.get("rows").asInt(), rows.size() - 1);
        assertEquals(240, Reference.epochObservations().size());
      }
      case "chinchilla_constants" -> epochPublished(ex);
      case "fit_chinchilla_to_data" -> {
        ChinchillaLaw law = epochFit().law();
        assertEquals(ex.get("alpha").asDouble(), law.parameterExponent(), tol.get("alpha_abs").asDouble());
        assertEquals(ex.get("beta").asDouble(), law.tokenExponent(), tol.get("beta_abs").asDouble());
        assertEquals(ex.get("E").asDouble(), law.irreducibleLoss(), tol.get("E_abs").asDouble());
        rel(ex.get("A"), law.parameterCoefficient(), tol.get("A_rel"));
        rel(ex.get("B"), law.tokenCoefficient(), tol.get("B_rel"));
        assertTrue(epochFit().objective() <= tol.get("objective_max").asDouble(), "objective " + epochFit().objective());
      }
      case "huber_objective" -> {
        List<Observation> data = Reference.epochObservations();
        rel(ex.get("at_hoffmann_rounded"), ChinchillaFitter.objective(ChinchillaLaw.HOFFMANN_2022, data), tol.get("rel"));
        // Discrepancy inside the reference file: its "at_hoffmann_unrounded" value (0.001235306) was computed with
        // alpha and beta at four places (0.3392, 0.2849, as in the TeaPearce script the case cites) over the
        // unrounded log A, log B, log E. With the full unrounded exponents the objective is 0.3% lower; test both.
        ChinchillaLaw fourPlaces = ImmutableChinchillaLaw.copyOf(ChinchillaLaw.HOFFMANN_2022_UNROUNDED)
            .withParameterExponent(0.3392)
            .withTokenExponent(0.2849);
        rel(ex.get("at_hoffmann_unrounded"), ChinchillaFitter.objective(fourPlaces, data), tol.get("rel"));
        double full = ChinchillaFitter.objective(ChinchillaLaw.HOFFMANN_2022_UNROUNDED, data);
        assertEquals(ex.get("at_hoffmann_unrounded").asDouble(), full, 0.005 * full);
        rel(ex.get("at_epoch_published"), ChinchillaFitter.objective(ChinchillaLaw.BESIROGLU_2024, data), tol.get("rel"));
        rel(ex.get("at_optimum"), epochFit().objective(), tol.get("rel"));
      }
      case "data_constrained_loss" -> rel(ex.get("loss"), DataConstrainedLaw.MUENNIGHOFF_2023.loss(
          in.get("N").asDouble(), in.get("D").asDouble(), in.get("U_D").asDouble()), tol.get("rel"));
      case "data_constrained_allocation" -> {
        // The reference uses a 500-point grid; the continuous optimum agrees within the case's 2%.
        Allocation a = AllocationProblem.builder()
            .law(DataConstrainedLaw.MUENNIGHOFF_2023)
            .uniqueTokens(in.get("U_D").asDouble())
            .build()
            .forCompute(in.get("C").asDouble());
        rel(ex.get("N"), a.parameters(), tol.get("rel"));
        rel(ex.get("D"), a.tokens(), tol.get("rel"));
        rel(ex.get("epochs"), a.tokens() / in.get("U_D").asDouble(), tol.get("rel"));
      }
      case "deepseek_model_scale" -> {
        for (JsonNode row : ex.get("rows")) {
          long layers = row.get("n_layer").asLong();
          long width = row.get("d_model").asLong();
          double m = DeepSeekLaw.nonEmbeddingFlopsPerToken(layers, width, in.get("l_seq").asLong());
          rel(row.get("M"), m, tol.get("rel_counts"));
          // 6 N1 / M with 6 N1 = 72 n_layer d_model^2 (the paper's eq. 2 without the attention term).
          assertEquals(row.get("6N1_over_M").asDouble(), 72.0 * layers * width * width / m,
              tol.get("abs_ratio").asDouble());
        }
      }
      case "deepseek_hparams" -> {
        // Compares eq. (1) with the values DeepSeek actually used (Table 2): the paper rounds to hardware-friendly
        // batch sizes, hence the case's 12% on batch and 5% on learning rate.
        long seq = in.get("l_seq").asLong();
        double m = DeepSeekLaw.nonEmbeddingFlopsPerToken(in.get("n_layer").asLong(), in.get("d_model").asLong(), seq);
        double flops = m * in.get("tokens").asDouble();
        DeepSeekLaw law = DeepSeekLaw.DEEPSEEK_LLM_2024;
        JsonNode derived = ex.get("derived");
        rel(derived.get("M"), m, 1e-12);
        rel(derived.get("B_opt_tokens"), law.optimalBatchTokens(flops), 1e-9);
        rel(derived.get("eta_opt"), law.optimalLearningRate(flops), 1e-9);
        rel(ex.get("batch_sequences_used"), law.optimalBatchTokens(flops) / seq, tol.get("batch_rel"));
        rel(ex.get("lr_used"), law.optimalLearningRate(flops), tol.get("lr_rel"));
      }
      case "power_law_allocation" -> {
        PowerLawAllocation law = PowerLawAllocation.LLAMA_3_TOKENS;
        assertEquals(in.get("A").asDouble(), law.coefficient());
        assertEquals(in.get("alpha").asDouble(), law.exponent());
        double tokens = law.apply(in.get("C").asDouble());
        rel(ex.get("formula_tokens"), tokens, tol.get("formula_rel"));
        // Known discrepancy (documented in the case): the printed constants do NOT give the paper's 16.55T.
        double paper = ex.get("paper_tokens").asDouble();
        assertTrue(Math.abs(tokens - paper) / paper > 0.3, "the printed constants must not reproduce 16.55T");
        rel(ex.get("six_N_D_of_paper_pair"),
            ComputeUnits.trainingFlops(ex.get("paper_params").asDouble(), paper), 1e-5);
      }
      case "param_count_relation" -> pearceSong(ex, tol);
      case "precision_effective_params" -> {
        // Secondary transcription, unverified against the paper: test that our constants are the transcribed ones.
        PrecisionScalingLaw law = PrecisionScalingLaw.KUMAR_2024;
        JsonNode k = ex.get("constants");
        assertEquals(k.get("A").asDouble(), law.a());
        assertEquals(k.get("gamma_w").asDouble(), law.gammaWeights());
        assertEquals(k.get("gamma_a").asDouble(), law.gammaActivations());
        assertEquals(k.get("gamma_kv").asDouble(), law.gammaKeyValue());
        rel(ex.get("N_eff"), law.effectiveParameters(in.get("N").asDouble(), in.get("P_w").asDouble(),
            in.get("P_a").asDouble(), in.get("P_kv").asDouble()), tol.get("rel"));
      }
      default -> fail("no test for kind " + c.get("kind").asText() + " of case " + id);
    }
  }

  private static void constants(String id, JsonNode ex) {
    switch (id) {
      case "kaplan.constants" -> {
        JsonNode t5 = ex.get("table5");
        assertEquals(t5.get("alpha_N").asDouble(), KaplanLaw.TABLE_5.alphaN());
        assertEquals(t5.get("N_c").asDouble(), KaplanLaw.TABLE_5.criticalParameters());
        assertEquals(t5.get("alpha_D").asDouble(), KaplanLaw.TABLE_5.alphaD());
        assertEquals(t5.get("D_c").asDouble(), KaplanLaw.TABLE_5.criticalTokens());
        assertEquals(t5.get("alpha_Cmin").asDouble(), KaplanComputeEfficient.MINIMUM_COMPUTE_EXPONENT);
        assertEquals(t5.get("Cmin_c_pfdays").asDouble(), KaplanComputeEfficient.CRITICAL_MINIMUM_COMPUTE_PETAFLOP_DAYS);
        JsonNode t2 = ex.get("table2_LND_fit");
        assertEquals(t2.get("alpha_N").asDouble(), KaplanLaw.TABLE_2.alphaN());
        assertEquals(t2.get("alpha_D").asDouble(), KaplanLaw.TABLE_2.alphaD());
        assertEquals(t2.get("N_c").asDouble(), KaplanLaw.TABLE_2.criticalParameters());
        assertEquals(t2.get("D_c").asDouble(), KaplanLaw.TABLE_2.criticalTokens());
        JsonNode t6 = ex.get("table6_compute_efficient");
        assertEquals(t6.get("N_opt").get("coef").asDouble(), KaplanComputeEfficient.OPTIMAL_PARAMETERS_COEFFICIENT);
        assertEquals(t6.get("N_opt").get("exp").asDouble(), KaplanComputeEfficient.OPTIMAL_PARAMETERS_EXPONENT);
        assertEquals(t6.get("B").get("coef_tokens").asDouble(), KaplanComputeEfficient.BATCH_TOKENS_COEFFICIENT);
        assertEquals(t6.get("B").get("exp").asDouble(), KaplanComputeEfficient.BATCH_TOKENS_EXPONENT);
        assertEquals(t6.get("S_min").get("coef_steps").asDouble(), KaplanComputeEfficient.MINIMUM_STEPS_COEFFICIENT);
        assertEquals(t6.get("S_min").get("exp").asDouble(), KaplanComputeEfficient.MINIMUM_STEPS_EXPONENT);
        assertEquals(t6.get("D_opt_1epoch").get("coef_tokens").asDouble(), KaplanComputeEfficient.OPTIMAL_TOKENS_COEFFICIENT);
        assertEquals(t6.get("D_opt_1epoch").get("exp").asDouble(), KaplanComputeEfficient.OPTIMAL_TOKENS_EXPONENT);
        assertEquals(ex.get("pf_day_flops").asDouble(), ComputeUnits.FLOPS_PER_PETAFLOP_DAY);
      }
      case "chinchilla.constants" -> {
        chinchilla(ex.get("rounded"), ChinchillaLaw.HOFFMANN_2022);
        chinchilla(ex.get("unrounded_used_by_epoch_and_others"), ChinchillaLaw.HOFFMANN_2022_UNROUNDED);
        JsonNode fit = ex.get("fit");
        assertEquals(fit.get("delta").asDouble(), ChinchillaFitter.HUBER_DELTA);
        JsonNode grid = fit.get("init_grid");
        int starts = grid.get("alpha").size() * grid.get("beta").size() * grid.get("e").size()
            * grid.get("a").size() * grid.get("b").size();
        assertEquals(starts, ChinchillaFitter.paperGrid().starts());
      }
      case "deepseek.constants" -> {
        DeepSeekLaw law = DeepSeekLaw.DEEPSEEK_LLM_2024;
        assertEquals(ex.get("eta_opt").get("coef").asDouble(), law.learningRateCoefficient());
        assertEquals(ex.get("eta_opt").get("exp").asDouble(), law.learningRateExponent());
        assertEquals(ex.get("B_opt_tokens").get("coef").asDouble(), law.batchTokensCoefficient());
        assertEquals(ex.get("B_opt_tokens").get("exp").asDouble(), law.batchTokensExponent());
        assertEquals(ex.get("M_opt").get("coef").asDouble(), law.modelScaleCoefficient());
        assertEquals(ex.get("M_opt").get("exp").asDouble(), law.modelScaleExponent());
        assertEquals(ex.get("D_opt").get("coef").asDouble(), law.tokensCoefficient());
        assertEquals(ex.get("D_opt").get("exp").asDouble(), law.tokensExponent());
        // Table 4 "Ours (Current Data)" is the eq. (4) exponent pair.
        assertEquals(ex.get("table4").get("Ours(Current Data)").get(0).asDouble(), law.modelScaleExponent(), 5e-4);
        assertEquals(ex.get("table4").get("Ours(Current Data)").get(1).asDouble(), law.tokensExponent(), 5e-4);
      }
      case "muennighoff.constants" -> {
        DataConstrainedLaw law = DataConstrainedLaw.MUENNIGHOFF_2023;
        chinchilla(ex, law.base());
        assertEquals(ex.get("R_D_star").asDouble(), law.tokenRepetitionDecay());
        assertEquals(ex.get("R_N_star").asDouble(), law.parameterRepetitionDecay());
        assertEquals(ex.get("a").asDouble(), Math.log(law.base().parameterCoefficient()), 1e-12);
        assertEquals(ex.get("b").asDouble(), Math.log(law.base().tokenCoefficient()), 1e-12);
        assertEquals(ex.get("e").asDouble(), Math.log(law.base().irreducibleLoss()), 1e-12);
      }
      case "clark.routed" -> {
        // Secondary transcription (unverified; log base believed 10): our constants are the transcribed ones.
        routed(ex.get("S-BASE"), RoutedMoeLaw.CLARK_2022_S_BASE);
        routed(ex.get("RL-R"), RoutedMoeLaw.CLARK_2022_RL_R);
        routed(ex.get("Hash"), RoutedMoeLaw.CLARK_2022_HASH);
        // With one expert the transcribed transform gives 1/Ê = (1/E_start - 1/E_max) + 1/E_max, so Ê = E_start.
        assertEquals(ex.get("S-BASE").get("E_start").asDouble(), RoutedMoeLaw.CLARK_2022_S_BASE.saturatedExperts(1), 1e-12);
      }
      case "krajewski.finegrained" -> {
        // Krajewski et al. 2024 (arXiv:2402.07871) Table 1, since read in the paper's text: the shared case still
        // says secondary_transcription, but its values equal the paper's, so the case stands as the expectation.
        JsonNode moe = ex.get("MoE");
        FineGrainedMoeLaw law = FineGrainedMoeLaw.KRAJEWSKI_2024_MOE;
        assertEquals(moe.get("a").asDouble(), law.a());
        assertEquals(moe.get("alpha").asDouble(), law.alpha());
        assertEquals(moe.get("b").asDouble(), law.b());
        assertEquals(moe.get("beta").asDouble(), law.beta());
        assertEquals(moe.get("g").asDouble(), law.g());
        assertEquals(moe.get("gamma").asDouble(), law.gamma());
        assertEquals(moe.get("c").asDouble(), law.c());
        JsonNode dense = ex.get("dense");
        FineGrainedMoeLaw d = FineGrainedMoeLaw.KRAJEWSKI_2024_DENSE;
        assertEquals(dense.get("a").asDouble(), d.a());
        assertEquals(dense.get("alpha").asDouble(), d.alpha());
        assertEquals(dense.get("b").asDouble(), d.b());
        assertEquals(dense.get("beta").asDouble(), d.beta());
        assertEquals(dense.get("c").asDouble(), d.c());
      }
      default -> fail("no test for constants case " + id);
    }
  }

  private static void chinchilla(JsonNode ex, ChinchillaLaw law) {
    assertEquals(ex.get("E").asDouble(), law.irreducibleLoss());
    assertEquals(ex.get("A").asDouble(), law.parameterCoefficient());
    assertEquals(ex.get("B").asDouble(), law.tokenCoefficient());
    assertEquals(ex.get("alpha").asDouble(), law.parameterExponent());
    assertEquals(ex.get("beta").asDouble(), law.tokenExponent());
  }

  private static void routed(JsonNode ex, RoutedMoeLaw law) {
    assertEquals(ex.get("a").asDouble(), law.a());
    assertEquals(ex.get("b").asDouble(), law.b());
    assertEquals(ex.get("c").asDouble(), law.c());
    assertEquals(ex.get("d").asDouble(), law.d());
    assertEquals(ex.get("E_start").asDouble(), law.expertsStart());
    assertEquals(ex.get("E_max").asDouble(), law.expertsMax());
  }

  private static void computeOptimal(String id, JsonNode in, JsonNode ex, JsonNode tol) {
    double flops = in.get("C").asDouble();
    switch (id) {
      case "chinchilla.frontier.gopher_budget" -> {
        // Fig. 4 caption: 40B at Gopher's budget. Only the unrounded constants reproduce it (40.4B); the rounded
        // ones give 32.2B, outside the case's 3% (documented in the case's notes).
        ChinchillaLaw unrounded = ChinchillaLaw.HOFFMANN_2022_UNROUNDED;
        rel(ex.get("N_opt"), unrounded.optimalParameters(flops), tol.get("rel"));
        rel(ex.get("derived_unrounded").get("N"), unrounded.optimalParameters(flops), 1e-9);
        rel(ex.get("derived_unrounded").get("D"), unrounded.optimalTokens(flops), 1e-9);
        rel(ex.get("derived_rounded").get("N"), ChinchillaLaw.HOFFMANN_2022.optimalParameters(flops), 1e-9);
        rel(ex.get("derived_rounded").get("D"), ChinchillaLaw.HOFFMANN_2022.optimalTokens(flops), 1e-9);
        double rounded = ChinchillaLaw.HOFFMANN_2022.optimalParameters(flops);
        assertFalse(Math.abs(rounded - 40e9) / 40e9 <= tol.get("rel").asDouble(), "rounded constants give 32B");
        Allocation a = AllocationProblem.builder().law(unrounded).build().forCompute(flops);
        rel(ex.get("derived_unrounded").get("N"), a.parameters(), 1e-9);
      }
      case "muennighoff.gopher_budget" -> {
        ChinchillaLaw law = ChinchillaLaw.MUENNIGHOFF_2023;
        rel(ex.get("N_opt"), law.optimalParameters(flops), tol.get("rel"));
        rel(ex.get("D_opt"), law.optimalTokens(flops), tol.get("rel"));
      }
      default -> {
        // epoch.frontier.*: Besiroglu et al. constants + Hoffmann eq. (4).
        ChinchillaLaw law = ChinchillaLaw.BESIROGLU_2024;
        rel(ex.get("N_opt"), law.optimalParameters(flops), tol.get("rel"));
        rel(ex.get("D_opt"), law.optimalTokens(flops), tol.get("rel"));
        Allocation a = AllocationProblem.builder().law(law).build().forCompute(flops);
        rel(ex.get("D_over_N"), a.tokensPerParameter(), tol.get("rel"));
      }
    }
  }

  private static void tableA3(String id, JsonNode ex, JsonNode tol) {
    if (id.equals("chinchilla.tableA3.approach2")) {
      for (JsonNode row : ex.get("rows")) {
        rel(row.get("flops"), ComputeUnits.trainingFlops(row.get("N").asDouble(), row.get("tokens").asDouble()),
            tol.get("rel"));
      }
      return;
    }
    // Known discrepancy: Table A3's Approach 3 rows are not reproduced exactly by any published constant set.
    // Unrounded constants miss by 2-18% on C (tolerance 20%), alpha = 0.336, beta = 0.283 (Sardana et al.'s
    // defaults) by <= 8% (tolerance 10%); the 175B row prints 1.26e24 for 1.26e25 (typo), so the corrected value
    // is used.
    ChinchillaLaw unrounded = ChinchillaLaw.HOFFMANN_2022_UNROUNDED;
    ChinchillaLaw sardana = ImmutableChinchillaLaw.copyOf(unrounded).withParameterExponent(0.336).withTokenExponent(0.283);
    for (JsonNode row : ex.get("rows")) {
      double n = row.get("N").asDouble();
      double corrected = row.get("flops_corrected").asDouble();
      double unroundedFlops = flopsWhereOptimal(unrounded, n);
      rel(row.get("parametric_unrounded_C"), unroundedFlops, 1e-6);
      assertEquals(corrected, unroundedFlops, tol.get("rel_on_C_unrounded").asDouble() * corrected);
      double sardanaFlops = flopsWhereOptimal(sardana, n);
      assertEquals(corrected, sardanaFlops, tol.get("rel_on_C_0336_0283").asDouble() * corrected);
    }
  }

  /** The budget at which {@code n} is compute-optimal: C = 6 (N / G)^(1/a), the inverse of eq. (4). */
  private static double flopsWhereOptimal(ChinchillaLaw law, double n) {
    return 6 * Math.pow(n / law.frontierCoefficient(), 1 / law.frontierParameterExponent());
  }

  private static void epochPublished(JsonNode ex) {
    chinchilla(ex, ChinchillaLaw.BESIROGLU_2024);
    assertEquals(ex.get("n_points").asInt(), Reference.epochObservations().size());
    // The published fit and ours agree within the published standard errors.
    ChinchillaLaw fitted = epochFit().law();
    JsonNode se = ex.get("se");
    assertEquals(ex.get("alpha").asDouble(), fitted.parameterExponent(), se.get("alpha").asDouble());
    assertEquals(ex.get("beta").asDouble(), fitted.tokenExponent(), se.get("beta").asDouble());
    assertEquals(ex.get("E").asDouble(), fitted.irreducibleLoss(), se.get("E").asDouble());
    assertEquals(ex.get("A").asDouble(), fitted.parameterCoefficient(), se.get("A").asDouble());
    assertEquals(ex.get("B").asDouble(), fitted.tokenCoefficient(), se.get("B").asDouble());
    // Bootstrap: 200 seeded resamples (Epoch used 4000); our 95% intervals must overlap theirs and have standard
    // errors of the same size (within a factor of 2, a loose bound for 200 resamples of a weakly identified fit).
    BootstrapResult boot = ChinchillaFitter.paperGrid()
        .bootstrap(Reference.epochObservations(), 200, 20240416L, 0.95, 5.76e23);
    JsonNode ci = ex.get("bootstrap_95ci");
    overlap(ci.get("E"), boot.irreducibleLoss());
    overlap(ci.get("alpha"), boot.parameterExponent());
    overlap(ci.get("beta"), boot.tokenExponent());
    JsonNode nse = ex.get("notebook_se");
    within2x(nse.get("alpha").asDouble(), boot.parameterExponent().standardError());
    within2x(nse.get("beta").asDouble(), boot.tokenExponent().standardError());
    within2x(nse.get("E").asDouble(), boot.irreducibleLoss().standardError());
  }

  private static void overlap(JsonNode published, dev.persistence.scaling.fit.Interval ours) {
    double lo = published.get(0).asDouble();
    double hi = published.get(1).asDouble();
    assertTrue(ours.lower() <= hi && ours.upper() >= lo, "interval " + ours + " vs [" + lo + ", " + hi + "]");
  }

  private static void within2x(double published, double ours) {
    assertTrue(ours >= published / 2 && ours <= published * 2, "standard error " + ours + " vs " + published);
  }

  private static void pearceSong(JsonNode ex, JsonNode tol) {
    double abs = tol.get("abs").asDouble();
    // At large scale the embedding term vanishes and the local exponent tends to Chinchilla's a = beta/(alpha+beta).
    assertEquals(ex.get("large_scale_exponent").get("chinchilla_unrounded").asDouble(),
        ChinchillaLaw.HOFFMANN_2022_UNROUNDED.frontierParameterExponent(), abs);
    assertEquals(ex.get("large_scale_exponent").get("epoch").asDouble(),
        ChinchillaLaw.BESIROGLU_2024.frontierParameterExponent(), abs);
    // At small scale (C_nonE from 10^12.95 to 10^20.7 FLOPs), the slope of the loss-minimising N_nonE against
    // C_nonE, with the law over N_T = N_nonE + 47491 N_nonE^(1/3), is Kaplan-like (about 0.74 and 0.78).
    JsonNode range = ex.get("C_nonE_range_log10");
    assertEquals(ex.get("local_exponent_N_nonE_vs_C_nonE_small_scale").get("chinchilla_unrounded").asDouble(),
        smallScaleSlope(ChinchillaLaw.HOFFMANN_2022_UNROUNDED, range), abs);
    assertEquals(ex.get("local_exponent_N_nonE_vs_C_nonE_small_scale").get("epoch").asDouble(),
        smallScaleSlope(ChinchillaLaw.BESIROGLU_2024, range), abs);
  }

  private static double smallScaleSlope(ChinchillaLaw law, JsonNode rangeLog10) {
    double lo = rangeLog10.get(0).asDouble();
    double hi = rangeLog10.get(1).asDouble();
    // Least-squares slope of log N_nonE,opt against log C_nonE over the case's range, sampled every 0.05 decades.
    List<double[]> points = new ArrayList<>();
    for (double logC = lo; logC <= hi + 1e-9; logC += 0.05) {
      double n = EmbeddingParameterRelation.optimalNonEmbeddingParameters(law, Math.pow(10, logC));
      points.add(new double[] {logC, Math.log10(n)});
    }
    double mx = 0;
    double my = 0;
    for (double[] p : points) {
      mx += p[0];
      my += p[1];
    }
    mx /= points.size();
    my /= points.size();
    double sxy = 0;
    double sxx = 0;
    for (double[] p : points) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
    }
    return sxy / sxx;
  }

  private static void rel(JsonNode expected, double actual, JsonNode tolerance) {
    rel(expected, actual, tolerance.asDouble());
  }

  private static void rel(JsonNode expected, double actual, double tolerance) {
    double e = expected.asDouble();
    assertEquals(e, actual, Math.max(tolerance * Math.abs(e), 1e-300), () -> "relative tolerance " + tolerance);
  }
}
