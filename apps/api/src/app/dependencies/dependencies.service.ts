import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Dependency } from '@tracker/contracts';
import { findCycle } from '@tracker/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import type { Partnership } from '../partnership/partnerships.repository';
import { DependenciesRepository, type LinkedItem } from './dependencies.repository';
import type { CreateDependencyDto } from './dto/create-dependency.dto';

const permissionOf = (item: LinkedItem) => (item.type === 'milestone' ? ('milestone.update' as const) : ('output.update' as const));

/**
 * Finish-to-start links between the items of a partnership's plan. A link belongs to its successor:
 * whoever may change the successor may link it, and the change is in the successor's history (its
 * "predecessors", by title). Every write is one transaction that holds the partnership's link lock,
 * so the cycle check sees every link.
 */
@Injectable()
export class DependenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: DependenciesRepository,
    private readonly access: AccessService,
    private readonly updates: VersionedUpdateService,
  ) {}

  list(partnership: Partnership): Promise<Dependency[]> {
    return this.links.list(partnership.id);
  }

  async create(body: CreateDependencyDto, user: AuthUser): Promise<Dependency> {
    const predecessorId = body.predecessorId.toLowerCase();
    const successorId = body.successorId.toLowerCase();
    if (predecessorId === successorId) {
      throw new BadRequestException('successorId must differ from predecessorId: an item cannot come before itself');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const predecessor = await this.links.item(predecessorId, manager);
      if (!predecessor) {
        throw new BadRequestException(`predecessorId: no milestone or output has the id ${predecessorId}`);
      }
      const successor = await this.links.item(successorId, manager);
      if (!successor) {
        throw new BadRequestException(`successorId: no milestone or output has the id ${successorId}`);
      }
      if (predecessor.partnershipId !== successor.partnershipId) {
        throw new BadRequestException(`successorId: "${successor.title}" is in another partnership than "${predecessor.title}"`);
      }
      await this.access.assertAllowed(user, permissionOf(successor), successor.actionId, manager);
      await this.links.lock(successor.partnershipId, manager);
      if (await this.links.between(predecessorId, successorId, manager)) {
        throw new ConflictException(`"${predecessor.title}" already comes before "${successor.title}"`);
      }
      const existing = await this.links.list(successor.partnershipId, manager);
      const cycle = findCycle([...existing, { predecessorId, successorId }]);
      if (cycle.length > 0) {
        const titles = await this.links.titles(cycle, manager);
        const words = [...cycle, cycle[0]].map((item) => `"${titles.get(item) ?? item}"`).join(' -> ');
        throw new BadRequestException(`successorId: "${successor.title}" cannot follow "${predecessor.title}": that would make a cycle, ${words}`);
      }
      const before = await this.links.predecessorTitles(successorId, manager);
      const created = await this.links.insert(
        { partnershipId: successor.partnershipId, predecessor, successor, lagMonths: body.lagMonths ?? 0, source: null, notes: [] },
        manager,
      );
      if (created === null) {
        throw new ConflictException(`"${predecessor.title}" already comes before "${successor.title}"`);
      }
      await this.recordLinks(manager, user, successor, before);
      return created;
    });
    return (await this.links.get(id)) as Dependency;
  }

  async remove(id: string, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const link = await this.links.get(id, manager);
      if (!link) {
        throw new NotFoundException(`dependency ${id} not found`);
      }
      const successor = await this.links.item(link.successorId, manager);
      if (!successor) {
        throw new NotFoundException(`dependency ${id} not found`);
      }
      await this.access.assertAllowed(user, permissionOf(successor), successor.actionId, manager);
      await this.links.lock(successor.partnershipId, manager);
      const before = await this.links.predecessorTitles(successor.id, manager);
      await this.links.delete(id, manager);
      await this.recordLinks(manager, user, successor, before);
    });
  }

  /** The successor's history: its predecessors before and after, by title. */
  private async recordLinks(manager: EntityManager, user: AuthUser, successor: LinkedItem, before: string[]): Promise<void> {
    const after = await this.links.predecessorTitles(successor.id, manager);
    await this.updates.recordChange(manager, user, successor.type, successor.id, successor.version, { field: 'predecessors', from: before, to: after });
  }
}
