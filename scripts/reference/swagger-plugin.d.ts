/** The Swagger plugin's public entry point, typed by its compiled declarations. */
declare module '@nestjs/swagger/plugin' {
  export * from '@nestjs/swagger/dist/plugin';
}
