import { bootstrapApplication } from '@angular/platform-browser';
import { UserListComponent } from './app/users/user-list.component';

bootstrapApplication(UserListComponent).catch((err) => console.error(err));
