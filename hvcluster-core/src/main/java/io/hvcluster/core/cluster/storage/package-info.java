/**
 * Storage (internal): what a group needs of its LUNs (arbitrating for all of them, holding all of them
 * while its VMs run; the one gate of the storage defect), and who holds the cluster-wide disks, the
 * witness and each Cluster Shared Volume's coordinator. A single LUN's SCSI-3 reservation, its paths and
 * the array's faults are the LUN's own state ({@link io.hvcluster.core.cluster.model.SimLun}).
 */
package io.hvcluster.core.cluster.storage;
