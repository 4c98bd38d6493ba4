/** Documents of programs, their phases, roles and milestones (dev.persistence.costing.program). */
package dev.persistence.io.program;
