import 'reflect-metadata';
import { runService } from '@lms/messaging';
import { AppModule } from './app.module';

runService('identity', AppModule);
