export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const SERVICE_ENV = Symbol('SERVICE_ENV');
