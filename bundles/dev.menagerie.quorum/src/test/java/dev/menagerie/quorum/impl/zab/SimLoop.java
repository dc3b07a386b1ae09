package dev.menagerie.quorum.impl.zab;

import java.util.function.Consumer;

/**
 * The clock seam of one simulated role: events run on the world's queue at the current simulated time, after the
 * events already due then, and a tick fires every {@code tickMs} of simulated time, as {@link RoleLoop} does on its
 * thread. Finishing hands the reason to the peer, which ends the role.
 */
final class SimLoop implements EventLoop {

    private final SimWorld world;
    private final long tickMs;
    private final Runnable onTick;
    private final Consumer<String> onFinish;
    private boolean finished;

    SimLoop(SimWorld world, long tickMs, Runnable onTick, Consumer<String> onFinish) {
        this.world = world;
        this.tickMs = tickMs;
        this.onTick = onTick;
        this.onFinish = onFinish;
    }

    /** Starts the ticks. */
    void start() {
        scheduleTick();
    }

    @Override
    public void post(Runnable event) {
        world.at(world.now(), () -> {
            if (!finished) {
                event.run();
            }
        });
    }

    /** The same as {@link #post}: simulated queues have no bound to bypass. */
    @Override
    public void postCompletion(Runnable completion) {
        post(completion);
    }

    /** Counted, then run as an event like any other, so a run stays deterministic. */
    @Override
    public void runAside(Runnable work) {
        world.logReads++;
        post(work);
    }

    @Override
    public void finish(String reason) {
        if (!finished) {
            finished = true;
            onFinish.accept(reason);
        }
    }

    /** The peer ended the role (a crash, another role's verdict): nothing more runs, and nobody is told. */
    void stop() {
        finished = true;
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public long nowMs() {
        return world.now();
    }

    private void scheduleTick() {
        world.at(world.now() + tickMs, () -> {
            if (!finished) {
                onTick.run();
                scheduleTick();
            }
        });
    }
}
