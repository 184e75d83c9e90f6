export { registerConfigCommands, EXIT as CONFIG_EXIT_CODES } from './commands';
