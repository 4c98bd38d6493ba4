package dev.persistence.io.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.core.data.CurationCostModel;
import dev.persistence.core.data.CurationStageKind;
import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import org.junit.jupiter.api.Test;

/** What our writers write, our readers read back to the same value and the same document. */
class WrittenDocumentsReadBackTest {

  @Test
  void theBundledDatasetCatalog() {
    for (DocumentFormat format : DocumentFormat.values()) {
      JsonNode written = DatasetCatalog.bundled().toJson();
      DatasetCatalog back = DatasetCatalog.parse(Documents.print(written, format), format, "catalog");
      assertEquals(written, back.toJson());
    }
  }

  @Test
  void curationCosts() {
    CurationCostModel model =
        CurationCostModel.ASSUMED.withUsdPerTerabyte(CurationStageKind.values()[0], 42.0).withBytesPerToken(3.9);
    for (DocumentFormat format : DocumentFormat.values()) {
      JsonNode written = DataCodecs.CURATION_COSTS.write(model);
      CurationCostModel back =
          DataCodecs.CURATION_COSTS.read(
              DocumentNode.root(Documents.parse(Documents.print(written, format), format, "c"), "c"));
      assertEquals(model, back);
      assertEquals(written, DataCodecs.CURATION_COSTS.write(back));
    }
  }
}
