/**
 * Harness-side measurement: parameter and FLOP counting, the device's calibrated peak, MFU, the
 * held-out evaluation and the causality check. Nothing here is reachable from a training program's
 * view of the world, and nothing here trusts a figure the program reports.
 */
package darwin.trainer.measure;
