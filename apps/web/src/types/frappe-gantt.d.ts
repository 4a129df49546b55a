// frappe-gantt ships no types: the part of its API the tracker uses.
declare module 'frappe-gantt' {
  export interface FrappeTask {
    id: string;
    name: string;
    start: string;
    end: string;
    progress: number;
    custom_class?: string;
    dependencies?: string;
    description?: string;
  }

  export interface FrappeViewMode {
    name: string;
    padding: string | [string, string];
    step: string;
    column_width?: number;
    date_format: string;
    lower_text?: string | ((d: Date, ld: Date | null, lang: string) => string);
    upper_text?: string | ((d: Date, ld: Date | null, lang: string) => string);
    upper_text_frequency?: number;
    thick_line?: (d: Date) => boolean;
    snap_at?: string;
  }

  export interface FrappeOptions {
    view_mode?: string | FrappeViewMode;
    view_modes?: (string | FrappeViewMode)[];
    readonly?: boolean;
    readonly_dates?: boolean;
    readonly_progress?: boolean;
    popup?: false | ((ctx: unknown) => void);
    popup_on?: 'click' | 'hover';
    scroll_to?: string | null;
    infinite_padding?: boolean;
    today_button?: boolean;
    view_mode_select?: boolean;
    bar_height?: number;
    padding?: number;
    container_height?: number | 'auto';
    column_width?: number;
    lines?: 'none' | 'vertical' | 'horizontal' | 'both';
    holidays?: Record<string, unknown>;
    auto_move_label?: boolean;
    language?: string;
    on_click?: (task: FrappeTask) => void;
    on_view_change?: (mode: FrappeViewMode) => void;
    on_date_change?: (task: FrappeTask, start: Date, end: Date) => void;
  }

  export interface FrappeBar {
    task: FrappeTask & { _index: number };
    group: SVGGElement;
    $bar: SVGRectElement & { getX(): number; getWidth(): number };
  }

  export default class Gantt {
    constructor(wrapper: HTMLElement | SVGElement | string, tasks: FrappeTask[], options?: FrappeOptions);
    bars: FrappeBar[];
    gantt_start: Date;
    gantt_end: Date;
    config: { unit: string; step: number; column_width: number; header_height: number; view_mode: FrappeViewMode; date_format: string };
    options: FrappeOptions & { bar_height: number; padding: number; upper_header_height: number; bar_corner_radius?: number };
    $container: HTMLElement;
    $svg: SVGSVGElement;
    grid_height: number;
    refresh(tasks: FrappeTask[]): void;
    change_view_mode(mode?: string | FrappeViewMode, maintain_pos?: boolean): void;
    update_options(options: FrappeOptions): void;
    set_scroll_position(date: string | Date): void;
    render(): void;
    clear(): void;

    // Internals a subclass builds on (frappe-gantt 1.x): the tasks drawn, the SVG layers, and the
    // steps of a render, each called by the library in this order.
    tasks: (FrappeTask & { _index: number })[];
    layers: Record<'grid' | 'arrow' | 'progress' | 'bar', SVGGElement>;
    dates: Date[];
    setup_tasks(tasks: FrappeTask[]): void;
    setup_gantt_dates(refresh: boolean): void;
    make_grid_background(): void;
    make_grid_rows(): void;
    make_grid_ticks(): void;
    make_bars(): void;
    make_arrows(): void;
    map_arrows_on_bars(): void;
    set_dimensions(): void;
    get_closest_date(): [Date, HTMLElement] | null;
    get_start_end_positions(): [number, number, number];
    get_date_info(date: Date, last: FrappeDateInfo | null): FrappeDateInfo;

    // What a render leaves behind besides the layers and the bars (the elements its event handlers
    // and its "Today" button use), for a subclass that takes over a chart drawn before.
    setup_wrapper(element: HTMLElement | SVGElement | string): void;
    scroll_current(): void;
    $popup_wrapper: HTMLElement;
    $extras: HTMLElement;
    $adjust: HTMLElement;
    $header: HTMLElement;
    $upper_header: HTMLElement;
    $lower_header: HTMLElement;
    $side_header: HTMLElement;
    $today_button?: HTMLButtonElement;
    $current_highlight?: HTMLElement;
    $current_ball_highlight?: HTMLElement;
    $current?: HTMLElement;
    upperTexts: HTMLElement[];
    lowerTexts: HTMLElement[];
    arrows: unknown[];
  }

  export interface FrappeDateInfo {
    date: Date;
    formatted_date: string;
    column_width: number;
    x: number;
    upper_text: string;
    lower_text: string;
    upper_y: number;
    lower_y: number;
  }
}
