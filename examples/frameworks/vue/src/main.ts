import { createApp } from 'vue';
import 'partner-roi';
import App from './App.vue';

createApp(App).mount('#app');
