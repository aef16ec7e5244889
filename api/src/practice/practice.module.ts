import { Module } from '@nestjs/common';
import { TwoFactorModule } from '../two-factor/two-factor.module.js';
import { PracticeController } from './practice.controller.js';
import { PracticeService } from './practice.service.js';

@Module({
  imports: [TwoFactorModule],
  controllers: [PracticeController],
  providers: [PracticeService],
})
export class PracticeModule {}
