/** Documents of serving workloads and deployments (dev.persistence.costing.serving). */
package dev.persistence.io.serving;
