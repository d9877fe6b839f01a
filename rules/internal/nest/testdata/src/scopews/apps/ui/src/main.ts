import { createApp } from 'vue';
import { shapeOf } from '@ws/types';

createApp({ data: () => shapeOf('ui') }).mount('#app');
