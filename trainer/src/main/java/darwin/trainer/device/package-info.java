/**
 * The compute device as the harness sets it up: DJL engine threads and how they wait for one
 * another (the OpenMP wait policy of the children), the device to train on, the
 * autograd mode of the current thread, the C allocator's handling of freed tensor memory, the
 * key under which a machine's peak is cached, and whether the engine's native libraries are
 * already extracted (so that a parent of child processes need not load the engine).
 */
package darwin.trainer.device;
