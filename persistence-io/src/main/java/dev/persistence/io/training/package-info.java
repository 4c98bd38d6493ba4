/** Documents for how a model is trained: clusters, parallelism plans and training precisions. */
package dev.persistence.io.training;
