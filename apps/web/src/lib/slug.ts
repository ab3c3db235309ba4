/** The readable part of a question's address: "/questions/<id>/<slug>". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function questionPath(question: { id: string; title: string }): string {
  const slug = slugify(question.title);
  return slug ? `/questions/${question.id}/${slug}` : `/questions/${question.id}`;
}
