import { Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';

@Resolver('Recipe')
export class RecipesResolver {
  @Query('recipes')
  recipes() {
    return [];
  }

  @ResolveField('author')
  author(@Parent() recipe: { authorId: string }) {
    return { id: recipe.authorId };
  }
}
