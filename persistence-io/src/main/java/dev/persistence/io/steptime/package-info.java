/** Documents of step-time estimates (dev.persistence.costing.steptime). */
package dev.persistence.io.steptime;
