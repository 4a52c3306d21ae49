package io.nexussync.scan;

/** Told about every page the scanner has committed to the inbox, in listing order. */
@FunctionalInterface
public interface PageListener {

    void page(PageResult page);
}
