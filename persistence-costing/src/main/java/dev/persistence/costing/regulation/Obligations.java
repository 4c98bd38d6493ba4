package dev.persistence.costing.regulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The obligations each bundled {@link ComputeThreshold} brings, as data: quoted and dated in
 * reference/regulation.json (with corrections in reference/regulation-corrections.md), each marked with how it
 * was checked. Not legal advice: the texts are summarised, and the sources named for a lawyer to read.
 */
public final class Obligations {
  private Obligations() {}

  private static final String EU = "EU AI Act";
  private static final String EU_SOURCE =
      "Regulation (EU) 2024/1689; copies of the Official Journal text (ai-act-law.eu, overview.legal,"
          + " artificialintelligenceact.eu) quoted in reference/regulation.json";
  private static final LocalDate EU_GPAI = LocalDate.of(2025, 8, 2);
  private static final String EU_TRANSITION =
      "models placed on the market before 2 August 2025: by 2 August 2027 (Art. 111(3))";
  private static final String EU_FINES =
      "Art. 101: fines up to 3% of annual worldwide turnover or EUR 15,000,000, whichever is higher; the"
          + " Commission's fining power applies from 2 August 2026 (Art. 113(b))";
  private static final String CA = "California SB 53 (TFAIA)";
  private static final String CA_SOURCE =
      "Bus. & Prof. Code sections 22757.11-22757.13 (Stats. 2025, ch. 138); definitions as quoted by the California"
          + " Department of Technology; sections 22757.12-13 from statute copies (california.public.law)";
  private static final LocalDate CA_FROM = LocalDate.of(2026, 1, 1);
  private static final String CA_PENALTY = "civil penalty up to $1,000,000 per violation, enforced by the Attorney General";
  private static final String CA_LARGE = "large frontier developer: over $500M revenue with affiliates";
  private static final String NY = "New York RAISE Act";
  private static final String NY_SOURCE =
      "N.Y. Gen. Bus. Law Article 44-B as re-enacted by S.8828/A.9449 (L. 2026, ch. 96, signed 27 March 2026);"
          + " bill summary at assembly.state.ny.us, section texts from filings.nysgpt.com (a third-party rendering)";
  private static final LocalDate NY_FROM = LocalDate.of(2027, 1, 1);
  private static final String NY_PENALTY =
      "civil penalty up to $1,000,000 for a first violation and $3,000,000 for each later one, Attorney General only";
  private static final String NY_LARGE = "large frontier developer: over $500M revenue with affiliates";

  private static final List<Obligation> ALL =
      List.of(
          eu("eu-ai-act-art53-1a", "Art. 53(1)(a)", "draw up and keep up to date technical documentation of the model"
              + " (Annex XI), including its training and testing process and evaluation results",
              "not for free and open-source models without systemic risk (Art. 53(2))"),
          eu("eu-ai-act-art53-1b", "Art. 53(1)(b)", "make information and documentation available to downstream"
              + " providers integrating the model (Annex XII)",
              "not for free and open-source models without systemic risk (Art. 53(2))"),
          eu("eu-ai-act-art53-1c", "Art. 53(1)(c)", "put in place a policy to comply with Union copyright law,"
              + " including text-and-data-mining opt-outs under Art. 4(3) of Directive (EU) 2019/790", ""),
          eu("eu-ai-act-art53-1d", "Art. 53(1)(d)", "publish a sufficiently detailed summary of the content used for"
              + " training, on the AI Office's template", ""),
          eu("eu-ai-act-art54", "Art. 54", "appoint an authorised representative established in the Union",
              "providers established outside the Union"),
          new Obligation("eu-guidelines-modifier", ComputeThreshold.EU_AI_ACT_GPAI_INDICATIVE.id(), EU,
              "Commission GPAI guidelines (18 July 2025)",
              "a downstream actor whose modification uses more than a third of the original model's training compute"
                  + " becomes the provider of a new model, with these obligations",
              "downstream modifiers only, not the original provider's own fine-tuning", EU_GPAI, "", EU_FINES,
              "European Commission guidelines as compared by JD Supra (reference/regulation.json,"
                  + " reg-eu-guidelines-modifier)",
              Verification.SECONDARY),
          systemic("eu-ai-act-art52", "Art. 52(1)", "notify the Commission without delay and within two weeks of the"
              + " threshold being met or becoming known"),
          systemic("eu-ai-act-art55-1a", "Art. 55(1)(a)", "evaluate the model with standardised, state-of-the-art"
              + " protocols and tools, including conducting and documenting adversarial testing"),
          systemic("eu-ai-act-art55-1b", "Art. 55(1)(b)", "assess and mitigate possible systemic risks at Union level"),
          systemic("eu-ai-act-art55-1c", "Art. 55(1)(c)", "track, document and report serious incidents and corrective"
              + " measures to the AI Office without undue delay"),
          systemic("eu-ai-act-art55-1d", "Art. 55(1)(d)", "ensure adequate cybersecurity protection for the model and"
              + " its physical infrastructure"),
          ca("ca-sb53-22757.12-framework", "section 22757.12", "write, implement, comply with and publish a"
              + " frontier AI framework", CA_LARGE),
          ca("ca-sb53-22757.12-transparency", "section 22757.12", "publish a transparency report before deploying a"
              + " new or substantially modified frontier model", ""),
          ca("ca-sb53-22757.13-incidents", "section 22757.13", "report critical safety incidents to the Office of"
              + " Emergency Services within 15 days of discovery; within 24 hours to an authority if there is an"
              + " imminent risk of death or serious physical injury", ""),
          ca("ca-sb53-22757.12-internal-use", "section 22757.12", "send the Office of Emergency Services summaries"
              + " of assessments of catastrophic risk from internal use every three months (or an agreed schedule)",
              CA_LARGE),
          ny("ny-raise-1421-framework", "section 1421", "write, implement, comply with and publish a frontier AI"
              + " framework, reviewed at least annually", NY_LARGE),
          ny("ny-raise-1421-transparency", "section 1421", "publish a transparency report before deploying a new or"
              + " substantially modified frontier model", ""),
          ny("ny-raise-1422-incidents", "section 1422", "report critical safety incidents to the Department of"
              + " Financial Services office within 72 hours; within 24 hours to law enforcement if there is an"
              + " imminent risk of death or serious injury", ""),
          ny("ny-raise-1422-internal-use", "section 1422", "send the office summaries of assessments of catastrophic"
              + " risk from internal use every three months", NY_LARGE),
          ny("ny-raise-1428-disclosure", "section 1428", "file a disclosure statement (ownership, contacts) every two"
              + " years and pay a pro rata assessment funding the office", NY_LARGE));

  private static Obligation eu(String id, String provision, String duty, String appliesTo) {
    return new Obligation(id, ComputeThreshold.EU_AI_ACT_GPAI_INDICATIVE.id(), EU, provision, duty, appliesTo,
        EU_GPAI, EU_TRANSITION, EU_FINES, EU_SOURCE, Verification.SECONDARY);
  }

  private static Obligation systemic(String id, String provision, String duty) {
    return new Obligation(id, ComputeThreshold.EU_AI_ACT_SYSTEMIC_RISK.id(), EU, provision, duty, "",
        EU_GPAI, EU_TRANSITION, EU_FINES, EU_SOURCE, Verification.SECONDARY);
  }

  private static Obligation ca(String id, String provision, String duty, String appliesTo) {
    return new Obligation(id, ComputeThreshold.CALIFORNIA_SB_53_FRONTIER_MODEL.id(), CA, provision, duty, appliesTo,
        CA_FROM, "", CA_PENALTY, CA_SOURCE, Verification.SECONDARY);
  }

  private static Obligation ny(String id, String provision, String duty, String appliesTo) {
    return new Obligation(id, ComputeThreshold.NEW_YORK_RAISE_FRONTIER_MODEL.id(), NY, provision, duty, appliesTo,
        NY_FROM, "", NY_PENALTY, NY_SOURCE, Verification.SECONDARY);
  }

  /** Every bundled obligation, in threshold order. */
  public static List<Obligation> bundled() {
    return ALL;
  }

  /**
   * The obligations the given thresholds bring, in the thresholds' order (historical thresholds bring none).
   *
   * @param thresholds thresholds crossed ({@link ComputeThresholds#crossed(double)})
   */
  public static List<Obligation> broughtBy(List<ComputeThreshold> thresholds) {
    List<Obligation> result = new ArrayList<>();
    for (ComputeThreshold threshold : thresholds) {
      if (threshold.status() == ThresholdStatus.HISTORICAL) {
        continue;
      }
      for (Obligation obligation : ALL) {
        if (obligation.thresholdId().equals(threshold.id())) {
          result.add(obligation);
        }
      }
    }
    return List.copyOf(result);
  }

  /**
   * Whether a downstream modification makes its author the provider of a new general-purpose model under the
   * Commission's GPAI guidelines (18 July 2025): the modification uses more than one third of the original
   * model's training compute.
   *
   * @param modificationFlops compute of the modification, finite and {@code >= 0}
   * @param originalTrainingFlops the original model's training compute, finite and {@code > 0}
   * @throws IllegalArgumentException if a figure is out of range
   */
  public static boolean modifierBecomesProvider(double modificationFlops, double originalTrainingFlops) {
    checkArgument(
        modificationFlops >= 0 && Double.isFinite(modificationFlops),
        "modificationFlops (%s) must be finite and >= 0",
        modificationFlops);
    checkArgument(
        originalTrainingFlops > 0 && Double.isFinite(originalTrainingFlops),
        "originalTrainingFlops (%s) must be finite and > 0",
        originalTrainingFlops);
    return 3 * modificationFlops > originalTrainingFlops;
  }
}
