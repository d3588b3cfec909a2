package io.herald.frontier;

import java.util.List;

/**
 * Where a continuous crawl keeps its hubs' schedules and validators, so a restart (even after {@code kill -9})
 * keeps them. A durable store writes in order with the frontier's other changes and commits with its checkpoint.
 */
public interface RevisitStore {
    /** Keeps nothing: the schedule lives and dies with the process ({@code state.store: memory}). */
    RevisitStore NONE = new RevisitStore() {
        @Override
        public List<Hub> load() {
            return List.of();
        }

        @Override
        public void save(Hub hub) {
        }

        @Override
        public void remove(String url) {
        }
    };

    /** Every hub kept by earlier runs. */
    List<Hub> load();

    /** Records a hub's schedule (replacing what was kept of it). */
    void save(Hub hub);

    /** Forgets a page that is read no more (an article after its last revisit). */
    void remove(String url);
}
