/**
 * The compute device as the harness sets it up: DJL engine threads, the device to train on, the
 * autograd mode of the current thread, the C allocator's handling of freed tensor memory, and the
 * key under which a machine's peak is cached.
 */
package darwin.trainer.device;
