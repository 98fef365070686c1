package org.rapaio.jupyter.kernel.channels;

/**
 * Replacement for rapaio-jupyter-kernel's {@code LoopThread} (3.0.1, unchanged up to 3.0.4), put before the kernel
 * jar on the classpath by {@code ./course setup} (kafkacourse.kit.cli.KernelInstaller compiles it).
 * <p>
 * The original sets {@code running = true} only after {@code Thread.start()}; when the new thread reaches
 * {@code while (running)} first, it ends at once. For the shell channel that means the kernel binds its sockets but
 * never answers {@code kernel_info_request}, and Jupyter waits forever ("Kernel didn't respond"): seen in about one
 * start in five on a loaded 2-core machine. Here the flag is set before the thread starts. Second, an exception of
 * one loop pass (a message that came before the handlers were registered) no longer ends the channel thread. Same
 * API and behaviour otherwise.
 */
public final class LoopThread extends Thread {

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                // A message that arrives before the kernel has registered its handlers (Notebook's websocket "nudge"
                // sends kernel_info_request at once, every 0.5 s) throws a NullPointerException in
                // Channels.getHandler; uncaught, it ended the shell thread for good and the kernel never answered
                // again. That message is dropped; the client asks again.
                System.err.println("[" + getName() + "] message dropped: " + e);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
