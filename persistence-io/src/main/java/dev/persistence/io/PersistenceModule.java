package dev.persistence.io;

import dev.persistence.io.fit.FitCodecs;
import dev.persistence.io.allocation.AllocationCodecs;
import dev.persistence.io.law.LawCodecs;
import dev.persistence.io.training.TrainingCodecs;
import dev.persistence.io.uncertainty.UncertaintyCodecs;
import dev.persistence.io.calibration.CalibrationCodecs;
import dev.persistence.io.regulation.RegulationCodecs;
import dev.persistence.io.serving.ServingCodecs;
import dev.persistence.io.money.MoneyCodecs;
import dev.persistence.io.energy.EnergyCodecs;
import dev.persistence.io.memory.MemoryCodecs;
import dev.persistence.io.parallelism.ParallelismCodecs;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.FeedForward;
import dev.persistence.core.data.AcquisitionCost;
import dev.persistence.core.data.CurationPipeline;
import dev.persistence.core.data.DataSource;
import dev.persistence.core.data.SyntheticGeneration;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.energy.PowerModel;
import dev.persistence.costing.money.OwnedCluster;
import dev.persistence.costing.energy.GridIntensity;
import dev.persistence.costing.money.CloudPrice;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.Phase;
import dev.persistence.costing.program.Role;
import dev.persistence.costing.training.Goodput;
import dev.persistence.costing.uncertainty.Distribution;
import dev.persistence.costing.program.Program;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.serving.ServingDeployment;
import dev.persistence.costing.serving.ServingWorkload;
import dev.persistence.io.program.ProgramCodecs;
import dev.persistence.io.data.DataCodecs;
import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.allocation.AllocationProblem;
import dev.persistence.scaling.fit.Observation;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.KaplanLaw;
import dev.persistence.scaling.law.LossLaw;
import dev.persistence.scaling.law.ScalingLaw;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import java.io.IOException;

/**
 * A Jackson module that reads and writes our value types with the same codecs, field names and strict rules as
 * the rest of {@code persistence-io}, for applications that already hold an {@code ObjectMapper}.
 *
 * <pre>{@code
 * ObjectMapper mapper = JsonMapper.builder().addModule(new PersistenceModule()).build();
 * Architecture model = mapper.readValue(json, Architecture.class);
 * }</pre>
 *
 * <p>Reading errors are {@link InvalidDocumentException}s (wrapped by Jackson in its own exception, whose cause
 * they are) whose location starts with the JSON pointer of the value in the enclosing document.
 */
public final class PersistenceModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The module, with clusters naming accelerators of the bundled catalog. */
  public PersistenceModule() {
    this(AcceleratorCatalog.bundled());
  }

  /**
   * The module, with clusters naming accelerators of {@code catalog}.
   *
   * @param catalog where cluster accelerators are looked up
   */
  public PersistenceModule(AcceleratorCatalog catalog) {
    super("persistence");
    register(Architecture.class, ArchitectureCodecs.ARCHITECTURE);
    register(Attention.class, ArchitectureCodecs.ATTENTION);
    register(FeedForward.class, ArchitectureCodecs.FEED_FORWARD);
    register(DenseFeedForward.class, ArchitectureCodecs.DENSE);
    register(ParallelismPlan.class, ParallelismCodecs.PARALLELISM_PLAN);
    register(TrainingPrecision.class, PrecisionCodecs.TRAINING_PRECISION);
    register(Cluster.class, HardwareCodecs.cluster(catalog));
    register(Accelerator.class, HardwareCodecs.ACCELERATOR);
    register(NumericFormat.class, PrecisionCodecs.NUMERIC_FORMAT);
    register(WeightFormat.class, PrecisionCodecs.WEIGHT_FORMAT);
    register(MemoryAllowance.class, MemoryCodecs.MEMORY_ALLOWANCE);
    register(DataSource.class, DataCodecs.DATA_SOURCE);
    register(AcquisitionCost.class, DataCodecs.ACQUISITION_COST);
    register(CurationPipeline.class, DataCodecs.CURATION_PIPELINE);
    register(SyntheticGeneration.class, DataCodecs.SYNTHETIC_GENERATION);
    register(ScalingLaw.class, LawCodecs.LAW);
    register(LossLaw.class, LawCodecs.LOSS_LAW);
    register(ChinchillaLaw.class, LawCodecs.CHINCHILLA_LAW);
    register(DataConstrainedLaw.class, LawCodecs.DATA_CONSTRAINED_LAW);
    register(KaplanLaw.class, LawCodecs.KAPLAN_LAW);
    register(AllocationProblem.class, AllocationCodecs.ALLOCATION_PROBLEM);
    register(Allocation.class, AllocationCodecs.ALLOCATION);
    register(Observation.class, FitCodecs.OBSERVATION);
    register(PowerModel.class, EnergyCodecs.POWER_MODEL);
    register(OwnedCluster.class, MoneyCodecs.OWNED_CLUSTER);
    register(ServingWorkload.class, ServingCodecs.SERVING_WORKLOAD);
    register(ServingDeployment.class, ServingCodecs.servingDeployment(catalog));
    register(ComputeThreshold.class, RegulationCodecs.COMPUTE_THRESHOLD);
    register(Calibration.class, CalibrationCodecs.CALIBRATION);
    register(Phase.class, ProgramCodecs.PHASE);
    register(Role.class, ProgramCodecs.ROLE);
    register(Milestone.class, ProgramCodecs.MILESTONE);
    register(CloudPrice.class, MoneyCodecs.CLOUD_PRICE);
    register(GridIntensity.class, EnergyCodecs.GRID);
    register(Goodput.class, TrainingCodecs.GOODPUT);
    register(Distribution.class, UncertaintyCodecs.DISTRIBUTION);
    register(Program.class, ProgramCodecs.PROGRAM);
  }

  /**
   * Adds a type: applications and later modules register their own codecs the same way.
   *
   * @param type the value type (its subclasses are written with the same codec)
   * @param codec how to read and write it
   */
  public <T> PersistenceModule register(Class<T> type, Codec<T> codec) {
    addSerializer(type, new CodecSerializer<>(codec));
    addDeserializer(type, new CodecDeserializer<>(codec));
    return this;
  }

  private static final class CodecSerializer<T> extends JsonSerializer<T> {
    private final Codec<T> codec;

    CodecSerializer(Codec<T> codec) {
      this.codec = codec;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializerProvider serializers) throws IOException {
      generator.writeTree(codec.write(value));
    }
  }

  private static final class CodecDeserializer<T> extends JsonDeserializer<T> {
    private final Codec<T> codec;

    CodecDeserializer(Codec<T> codec) {
      this.codec = codec;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String pointer = parser.getParsingContext().pathAsPointer().toString();
      JsonNode tree = parser.readValueAsTree();
      return codec.read(DocumentNode.root(tree, pointer));
    }
  }
}
