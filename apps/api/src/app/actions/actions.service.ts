import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Action, type ActionDetail, DEFAULT_PARTNERSHIP_KEY, type OrganisationRef } from '@tracker/contracts';
import { Repository } from 'typeorm';
import { MilestonesService } from '../milestones/milestones.service';
import { OutputsService } from '../outputs/outputs.service';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { ActionEntity, type ActionParticipantEntity, TargetEntity } from './action.entity';

@Injectable()
export class ActionsService {
  constructor(
    @InjectRepository(ActionEntity) private readonly actions: Repository<ActionEntity>,
    @InjectRepository(TargetEntity) private readonly targets: Repository<TargetEntity>,
    private readonly milestones: MilestonesService,
    private readonly outputs: OutputsService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  /** The Actions of one partnership; 404 for an unknown key. */
  async list(partnership: string = DEFAULT_PARTNERSHIP_KEY): Promise<Action[]> {
    await this.partnerships.byKey(partnership);
    const rows = await this.query(partnership).getMany();
    if (rows.length === 0 && !(await this.actions.manager.query(`SELECT 1 FROM partnership WHERE seed_key = $1`, [partnership])).length) {
      throw new NotFoundException(`partnership "${partnership}" not found`);
    }
    return rows.map(toAction);
  }

  /** One Action with its milestones, outputs and targets; 404 when the number is unknown. */
  async get(number: number, partnership: string = DEFAULT_PARTNERSHIP_KEY): Promise<ActionDetail> {
    await this.partnerships.byKey(partnership);
    const row = await this.query(partnership).andWhere('a.number = :number', { number }).getOne();
    if (!row) {
      throw new NotFoundException(`Action ${number} not found`);
    }
    const [milestones, outputs, targets] = await Promise.all([
      this.milestones.list({ actionNumber: number, partnership }),
      this.outputs.list({ actionNumber: number, partnership }),
      this.targets.find({ where: { actionId: row.id }, order: { sortOrder: 'ASC' } }),
    ]);
    return {
      ...toAction(row),
      milestones,
      outputs,
      targets: targets.map((t) => ({ id: t.id, actionNumber: number, description: t.description, source: t.source })),
    };
  }

  private query(partnership: string) {
    return this.actions
      .createQueryBuilder('a')
      .innerJoin('a.partnership', 'pa')
      .where('pa.seed_key = :partnership', { partnership })
      .leftJoinAndSelect('a.participants', 'p')
      .leftJoinAndSelect('p.organisation', 'o')
      .orderBy('a.number', 'ASC')
      .addOrderBy('p.sort_order', 'ASC');
  }
}

function toAction(entity: ActionEntity): Action {
  const byRole = (role: ActionParticipantEntity['role']): OrganisationRef[] =>
    entity.participants
      .filter((p) => p.role === role)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((p) => ({ id: p.organisation.id, name: p.organisation.name }));
  return {
    id: entity.id,
    number: entity.number,
    shortName: entity.shortName,
    title: entity.title,
    objective: entity.objective,
    pillar: entity.pillar,
    governanceLevels: entity.governanceLevels,
    deadline: entity.deadline,
    coLeaders: byRole('co_leader'),
    members: byRole('member'),
    externalStakeholders: byRole('external_stakeholder'),
    stakeholderNotes: entity.stakeholderNotes,
    source: entity.source,
  };
}
