/**
 * Small variants of every network, for tests that must run in seconds: the same
 * architecture with fewer filters and a shorter input.
 */
import type { BuildModelOptions, ModelName } from '../registry.js';

export const SMALL_MODELS: Record<ModelName, BuildModelOptions> = {
  'resnet1d-wang-2017': { inputShape: [40, 3], filters: 6, dropoutRate: 0 },
  'kachuee-2018': { inputShape: [125, 1], filters: 4, denseUnits: 4 },
  'fcn1d-wang-2017': { inputShape: [40, 2], filters: [4, 6, 4] },
  'resnet50-truncated': { inputShape: [6, 32, 1], baseFilters: 4, stages: 2 },
  'efficientnet-b7-truncated': {
    inputShape: [6, 24, 1],
    widthMultiplier: 0.25,
    depthMultiplier: 1,
    stages: 3,
  },
  'vgg-3block': { inputShape: [6, 24, 1], baseFilters: 4, denseUnits: 8 },
};
