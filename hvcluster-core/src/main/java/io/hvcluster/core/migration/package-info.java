/** Migration strategies written against the api's SPI: cold migration, Quick Migration, Live Migration. */
package io.hvcluster.core.migration;
